// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.pyspy4j.os.freebsd.FreeBsdCallException;
import dev.pyspy4j.os.freebsd.FreeBsdCalls;
import dev.pyspy4j.os.freebsd.kinfo.KinfoBytes;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Answers FreeBSD's system calls from a live Linux process, translating as FreeBSD would answer them for the same
 * process: kern.proc.vmmap records encoded from {@code /proc/<pid>/maps} in the {@code kinfo_vmentry} layout,
 * {@code kinfo_proc} records from {@code /proc/<pid>/stat} and {@code /proc/<pid>/task/<tid>/stat}, PT_IO served from
 * {@code /proc/<pid>/mem}, PT_GETLWPLIST from {@code /proc/<pid>/task}. PT_ATTACH is a SIGSTOP and its waitpid waits
 * until every thread shows stopped, PT_DETACH a SIGCONT, which stops and resumes the whole process as FreeBSD's do.
 * Like FreeBSD's kernel, it refuses PT_IO (EBUSY) unless the process was attached and stopped. Registers are not
 * translated. This is a translation on Linux, not FreeBSD: it checks the provider's logic against a real CPython's
 * memory, not the FreeBSD kernel's behaviour.
 */
final class LinuxProcessAsFreeBsdCalls implements FreeBsdCalls {
    private static final int LINUX_SIGSTOP = 19;
    private static final int LINUX_SIGCONT = 18;
    private static final int FREEBSD_SIGSTOP = 17;
    private static final int KVME_TYPE_VNODE = 2;
    private static final int KVME_TYPE_SWAP = 3;
    private static final int KVME_FLAG_COW = 0x1;
    private static final int KVME_FLAG_GROWS_DOWN = 0x20;

    private final Signals signals = Native.load("c", Signals.class);
    private final AtomicInteger attaches = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private int traced;
    private boolean stopped;

    /** How many times the provider stopped the process. */
    int attaches() {
        return attaches.get();
    }

    /** How many PT_IO reads the provider made. */
    int reads() {
        return reads.get();
    }

    @Override
    public byte[] sysctl(int[] mib) {
        int pid = mib[3];
        Path proc = Path.of("/proc", Integer.toString(pid));
        try {
            return switch (mib[2]) {
                case KERN_PROC_PID -> kinfoProc(pid, pid, Files.readString(proc.resolve("stat")),
                        Files.readString(proc.resolve("stat")));
                case KERN_PROC_PID | KERN_PROC_INC_THREAD -> threads(pid, proc);
                case KERN_PROC_PATHNAME -> (Files.readSymbolicLink(proc.resolve("exe")) + "\0")
                        .getBytes(StandardCharsets.UTF_8);
                case KERN_PROC_ARGS -> Files.readAllBytes(proc.resolve("cmdline"));
                case KERN_PROC_VMMAP -> vmmap(Files.readAllLines(proc.resolve("maps")));
                default -> throw new FreeBsdCallException("sysctl", FreeBsdCallException.ENOENT);
            };
        } catch (NoSuchFileException e) {
            throw new FreeBsdCallException("sysctl", FreeBsdCallException.ESRCH);
        } catch (IOException e) {
            throw new FreeBsdCallException("sysctl", FreeBsdCallException.EIO);
        }
    }

    @Override
    public synchronized void ptraceAttach(int pid) {
        if (traced != 0) {
            throw new FreeBsdCallException("ptrace(PT_ATTACH)", FreeBsdCallException.EBUSY);
        }
        kill(pid, LINUX_SIGSTOP);
        traced = pid;
        attaches.incrementAndGet();
    }

    @Override
    public synchronized int waitpid(int pid) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<String> states = taskStates(pid);
            if (states.isEmpty()) {
                return 0; // WIFEXITED: the process is gone
            }
            if (states.stream().allMatch(state -> state.equals("T") || state.equals("t"))) {
                stopped = true;
                return (FREEBSD_SIGSTOP << 8) | 0177;
            }
            // leave the CPU to the threads that are to stop
            LockSupport.parkNanos(20_000);
        }
        throw new IllegalStateException("process " + pid + " did not stop within 10 s");
    }

    @Override
    public synchronized void ptraceContinue(int pid, int signal) {
        throw new IllegalStateException("only SIGSTOP is sent to the translated process, nothing to continue");
    }

    @Override
    public synchronized void ptraceDetach(int pid, int signal) {
        if (traced != pid) {
            throw new FreeBsdCallException("ptrace(PT_DETACH)", FreeBsdCallException.EBUSY);
        }
        if (signal != 0) {
            throw new IllegalStateException("no signal was held back, yet PT_DETACH delivers " + signal);
        }
        traced = 0;
        stopped = false;
        kill(pid, LINUX_SIGCONT);
    }

    @Override
    public synchronized int ptraceReadData(int pid, long address, byte[] buffer, int length) {
        if (traced != pid || !stopped) {
            throw new FreeBsdCallException("ptrace(PT_IO)", FreeBsdCallException.EBUSY);
        }
        reads.incrementAndGet();
        try (RandomAccessFile memory = new RandomAccessFile("/proc/" + pid + "/mem", "r")) {
            memory.seek(address);
            int copied = 0;
            while (copied < length) {
                int n = memory.read(buffer, copied, length - copied);
                if (n <= 0) {
                    break;
                }
                copied += n;
            }
            return copied;
        } catch (IOException e) {
            throw new FreeBsdCallException("ptrace(PT_IO)", FreeBsdCallException.EFAULT);
        }
    }

    @Override
    public synchronized int ptraceLwpCount(int pid) {
        return lwps(pid).length;
    }

    @Override
    public synchronized int[] ptraceLwpList(int pid, int capacity) {
        int[] all = lwps(pid);
        return java.util.Arrays.copyOf(all, Math.min(capacity, all.length));
    }

    @Override
    public byte[] ptraceGetRegisters(int lwpId) {
        throw new FreeBsdCallException("ptrace(PT_GETREGS)", FreeBsdCallException.EINVAL);
    }

    @Override
    public int geteuid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new FreeBsdCallException("geteuid", FreeBsdCallException.EIO);
        }
    }

    /** Whether the process is stopped now, by the provider or anyone. */
    static boolean isStopped(long pid) {
        return taskStates((int) pid).stream().anyMatch(state -> state.equals("T") || state.equals("t"));
    }

    private byte[] threads(int pid, Path proc) throws IOException {
        String processStat = Files.readString(proc.resolve("stat"));
        List<byte[]> records = new ArrayList<>();
        for (int tid : lwps(pid)) {
            try {
                records.add(kinfoProc(pid, tid, processStat,
                        Files.readString(proc.resolve("task/" + tid + "/stat"))));
            } catch (NoSuchFileException ended) {
                // the thread ended since the directory was listed, as a kernel would not list it
            }
        }
        return KinfoBytes.concat(records);
    }

    /** A kinfo_proc for thread {@code tid}: Linux's R is FreeBSD's SRUN, S and D sleep, T stops, Z is a zombie. */
    private static byte[] kinfoProc(int pid, int tid, String processStat, String threadStat) {
        int state = switch (stateOf(threadStat)) {
            case "R" -> 2;
            case "S", "D", "I" -> 3;
            case "T", "t" -> 4;
            case "Z", "X" -> 5;
            default -> 6;
        };
        return KinfoBytes.kinfoProc(pid, tid, state, commOf(processStat), commOf(threadStat), "", 0, 1);
    }

    private static byte[] vmmap(List<String> lines) {
        List<byte[]> records = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.trim().split("\s+", 6);
            String[] range = fields[0].split("-");
            String permissions = fields[1];
            String path = fields.length == 6 ? fields[5] : "";
            boolean file = path.startsWith("/");
            int protection = (permissions.charAt(0) == 'r' ? 1 : 0) | (permissions.charAt(1) == 'w' ? 2 : 0)
                    | (permissions.charAt(2) == 'x' ? 4 : 0);
            int flags = (permissions.charAt(3) == 'p' ? KVME_FLAG_COW : 0)
                    | (path.equals("[stack]") ? KVME_FLAG_GROWS_DOWN : 0);
            records.add(KinfoBytes.packedVmentry(file ? KVME_TYPE_VNODE : KVME_TYPE_SWAP,
                    Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16),
                    Long.parseUnsignedLong(fields[2], 16), flags, protection, file ? path : ""));
        }
        return KinfoBytes.concat(records);
    }

    private static int[] lwps(int pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Integer.toString(pid), "task"))) {
            return tasks.mapToInt(task -> Integer.parseInt(task.getFileName().toString())).sorted().toArray();
        } catch (IOException e) {
            throw new FreeBsdCallException("ptrace(PT_GETLWPLIST)", FreeBsdCallException.ESRCH);
        }
    }

    private static List<String> taskStates(int pid) {
        List<String> states = new ArrayList<>();
        for (int tid : lwpsOrNone(pid)) {
            try {
                states.add(stateOf(Files.readString(Path.of("/proc", Integer.toString(pid), "task",
                        Integer.toString(tid), "stat"))));
            } catch (IOException ended) {
                // gone meanwhile
            }
        }
        return states;
    }

    private static int[] lwpsOrNone(int pid) {
        try {
            return lwps(pid);
        } catch (FreeBsdCallException gone) {
            return new int[0];
        }
    }

    private static String stateOf(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    }

    private static String commOf(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    private void kill(int pid, int signal) {
        try {
            signals.kill(pid, signal);
        } catch (LastErrorException e) {
            throw new FreeBsdCallException("kill", e.getErrorCode());
        }
    }

    /** kill(2) of Linux's libc, to stop and continue the process. */
    interface Signals extends Library {
        int kill(int pid, int signal) throws LastErrorException;
    }
}
