// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Answers the OS calls of one process from a script written by the test, not from a kernel: nothing here was
 * recorded on a FreeBSD machine. It keeps the kernel's rules that the provider relies on: PT_IO, PT_GETLWPLIST and
 * PT_GETREGS fail with EBUSY unless the process is traced and stopped, a second PT_ATTACH fails with EBUSY, and a
 * process that is not there answers ESRCH. Every call is logged, in order, so that tests can check the pausing
 * order.
 */
final class ScriptedFreeBsdCalls implements FreeBsdCalls {
    final int pid;
    final List<String> log = new ArrayList<>();
    /** The kern.proc values by what ({@code pid}, {@code threads}, {@code pathname}, {@code args}, {@code vmmap}). */
    final Map<String, byte[]> sysctls = new HashMap<>();
    /** Errno to fail a call with, by the first word of its log line ({@code PT_ATTACH}, {@code sysctl:vmmap}, ...). */
    final Map<String, Integer> failing = new HashMap<>();
    /** The process's memory: readable ranges by start address. */
    final NavigableMap<Long, byte[]> memory = new TreeMap<>();
    /** The statuses waitpid returns, in order; a SIGSTOP stop once they run out. */
    final Deque<Integer> waitStatuses = new ArrayDeque<>();
    final Map<Integer, byte[]> registers = new HashMap<>();
    int[] lwps = new int[0];
    int euid = 1001;
    private boolean traced;
    private boolean stopped;

    ScriptedFreeBsdCalls(int pid) {
        this.pid = pid;
    }

    boolean isTraced() {
        return traced;
    }

    @Override
    public byte[] sysctl(int[] mib) {
        String what = switch (mib[2]) {
            case KERN_PROC_PID -> "pid";
            case KERN_PROC_PID | KERN_PROC_INC_THREAD -> "threads";
            case KERN_PROC_PATHNAME -> "pathname";
            case KERN_PROC_ARGS -> "args";
            case KERN_PROC_VMMAP -> "vmmap";
            default -> throw new FreeBsdCallException("sysctl", FreeBsdCallException.ENOENT);
        };
        logAndFail("sysctl:" + what);
        byte[] value = sysctls.get(what);
        if (mib[3] != pid || value == null) {
            throw new FreeBsdCallException("sysctl", FreeBsdCallException.ESRCH);
        }
        return value.clone();
    }

    @Override
    public void ptraceAttach(int target) {
        logAndFail("PT_ATTACH");
        checkPid(target);
        if (traced) {
            throw new FreeBsdCallException("ptrace(PT_ATTACH)", FreeBsdCallException.EBUSY);
        }
        traced = true;
    }

    @Override
    public int waitpid(int target) {
        logAndFail("waitpid");
        checkPid(target);
        int status = waitStatuses.isEmpty() ? WaitStatus.stoppedBy(Tracer.SIGSTOP) : waitStatuses.poll();
        stopped = WaitStatus.isStopped(status);
        return status;
    }

    @Override
    public void ptraceContinue(int target, int signal) {
        logAndFail("PT_CONTINUE " + signal);
        checkTraced(target);
        stopped = false;
    }

    @Override
    public void ptraceDetach(int target, int signal) {
        logAndFail("PT_DETACH " + signal);
        checkTraced(target);
        traced = false;
        stopped = false;
    }

    @Override
    public int ptraceReadData(int target, long address, byte[] buffer, int length) {
        logAndFail("PT_IO 0x" + Long.toHexString(address) + " " + length);
        checkStopped(target);
        Map.Entry<Long, byte[]> range = memory.floorEntry(address);
        if (range == null || address - range.getKey() >= range.getValue().length) {
            throw new FreeBsdCallException("ptrace(PT_IO)", FreeBsdCallException.EFAULT);
        }
        int from = (int) (address - range.getKey());
        int copied = Math.min(length, range.getValue().length - from);
        System.arraycopy(range.getValue(), from, buffer, 0, copied);
        return copied;
    }

    @Override
    public int ptraceLwpCount(int target) {
        logAndFail("PT_GETNUMLWPS");
        checkStopped(target);
        return lwps.length;
    }

    @Override
    public int[] ptraceLwpList(int target, int capacity) {
        logAndFail("PT_GETLWPLIST");
        checkStopped(target);
        return java.util.Arrays.copyOf(lwps, Math.min(capacity, lwps.length));
    }

    @Override
    public byte[] ptraceGetRegisters(int lwpId) {
        logAndFail("PT_GETREGS " + lwpId);
        if (!stopped) {
            throw new FreeBsdCallException("ptrace(PT_GETREGS)", FreeBsdCallException.EBUSY);
        }
        byte[] value = registers.get(lwpId);
        if (value == null) {
            throw new FreeBsdCallException("ptrace(PT_GETREGS)", FreeBsdCallException.ESRCH);
        }
        return value.clone();
    }

    @Override
    public int geteuid() {
        return euid;
    }

    /** The log lines of ptrace and waitpid calls only. */
    List<String> traceCalls() {
        return log.stream().filter(line -> !line.startsWith("sysctl")).toList();
    }

    private void logAndFail(String line) {
        log.add(line);
        Integer errno = failing.get(line.split(" ")[0]);
        if (errno != null) {
            throw new FreeBsdCallException(line.split(" ")[0], errno);
        }
    }

    private void checkPid(int target) {
        if (target != pid) {
            throw new FreeBsdCallException("ptrace", FreeBsdCallException.ESRCH);
        }
    }

    private void checkTraced(int target) {
        checkPid(target);
        if (!traced) {
            throw new FreeBsdCallException("ptrace", FreeBsdCallException.EBUSY);
        }
    }

    private void checkStopped(int target) {
        checkTraced(target);
        if (!stopped) {
            throw new FreeBsdCallException("ptrace", FreeBsdCallException.EBUSY);
        }
    }
}
