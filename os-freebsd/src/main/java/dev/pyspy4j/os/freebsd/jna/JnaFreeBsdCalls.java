// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import dev.pyspy4j.os.freebsd.FreeBsdCallException;
import dev.pyspy4j.os.freebsd.FreeBsdCalls;

/**
 * {@link FreeBsdCalls} through JNA and FreeBSD's libc. Built only on FreeBSD (on first attach), never on another
 * system. Request numbers from sys/sys/ptrace.h; {@code struct ptrace_io_desc} there is {@code int piod_op; void
 * *piod_offs; void *piod_addr; size_t piod_len}, 32 bytes on amd64 with {@code piod_offs} at 8, {@code piod_addr}
 * at 16 and {@code piod_len} at 24.
 */
public final class JnaFreeBsdCalls implements FreeBsdCalls {
    private static final int PT_CONTINUE = 7;
    private static final int PT_ATTACH = 10;
    private static final int PT_DETACH = 11;
    private static final int PT_IO = 12;
    private static final int PT_GETNUMLWPS = 14;
    private static final int PT_GETLWPLIST = 15;
    private static final int PT_GETREGS = 33;
    private static final int PIOD_READ_D = 1;
    private static final int PTRACE_IO_DESC_SIZE = 32;
    /** PT_CONTINUE and PT_DETACH take (caddr_t) 1 for "where the process stopped". */
    private static final Pointer WHERE_IT_STOPPED = new Pointer(1);
    private static final int EINTR = 4;
    /** How often a sysctl whose value grew between the size query and the copy is tried again. */
    private static final int SYSCTL_ATTEMPTS = 8;
    private static final int REG_SIZE = 176;

    private final LibC libc = Native.load("c", LibC.class);

    @Override
    public byte[] sysctl(int[] mib) {
        LongByReference length = new LongByReference();
        for (int attempt = 0; attempt < SYSCTL_ATTEMPTS; attempt++) {
            call("sysctl", () -> libc.sysctl(mib, mib.length, null, length, null, 0));
            long capacity = length.getValue() + length.getValue() / 4 + 4096;
            Memory buffer = new Memory(capacity);
            length.setValue(capacity);
            try {
                libc.sysctl(mib, mib.length, buffer, length, null, 0);
                return buffer.getByteArray(0, (int) length.getValue());
            } catch (LastErrorException e) {
                if (e.getErrorCode() != FreeBsdCallException.ENOMEM) {
                    throw new FreeBsdCallException("sysctl", e.getErrorCode());
                }
            }
        }
        throw new FreeBsdCallException("sysctl", FreeBsdCallException.ENOMEM);
    }

    @Override
    public void ptraceAttach(int pid) {
        call("ptrace(PT_ATTACH)", () -> libc.ptrace(PT_ATTACH, pid, null, 0));
    }

    @Override
    public int waitpid(int pid) {
        IntByReference status = new IntByReference();
        while (true) {
            try {
                libc.waitpid(pid, status, 0);
                return status.getValue();
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw new FreeBsdCallException("waitpid", e.getErrorCode());
                }
            }
        }
    }

    @Override
    public void ptraceContinue(int pid, int signal) {
        call("ptrace(PT_CONTINUE)", () -> libc.ptrace(PT_CONTINUE, pid, WHERE_IT_STOPPED, signal));
    }

    @Override
    public void ptraceDetach(int pid, int signal) {
        call("ptrace(PT_DETACH)", () -> libc.ptrace(PT_DETACH, pid, WHERE_IT_STOPPED, signal));
    }

    @Override
    public int ptraceReadData(int pid, long address, byte[] buffer, int length) {
        Memory target = new Memory(Math.max(length, 1));
        Memory descriptor = new Memory(PTRACE_IO_DESC_SIZE);
        descriptor.clear();
        descriptor.setInt(0, PIOD_READ_D);
        descriptor.setLong(8, address);
        descriptor.setPointer(16, target);
        descriptor.setLong(24, length);
        call("ptrace(PT_IO)", () -> libc.ptrace(PT_IO, pid, descriptor, 0));
        int copied = (int) descriptor.getLong(24);
        target.read(0, buffer, 0, copied);
        return copied;
    }

    @Override
    public int ptraceLwpCount(int pid) {
        return call("ptrace(PT_GETNUMLWPS)", () -> libc.ptrace(PT_GETNUMLWPS, pid, null, 0));
    }

    @Override
    public int[] ptraceLwpList(int pid, int capacity) {
        if (capacity == 0) {
            return new int[0];
        }
        Memory ids = new Memory(4L * capacity);
        int count = call("ptrace(PT_GETLWPLIST)", () -> libc.ptrace(PT_GETLWPLIST, pid, ids, capacity));
        return ids.getIntArray(0, Math.min(count, capacity));
    }

    @Override
    public byte[] ptraceGetRegisters(int lwpId) {
        Memory registers = new Memory(REG_SIZE);
        call("ptrace(PT_GETREGS)", () -> libc.ptrace(PT_GETREGS, lwpId, registers, 0));
        return registers.getByteArray(0, REG_SIZE);
    }

    @Override
    public int geteuid() {
        return libc.geteuid();
    }

    private static int call(String name, IntCall call) {
        try {
            return call.run();
        } catch (LastErrorException e) {
            throw new FreeBsdCallException(name, e.getErrorCode());
        }
    }

    @FunctionalInterface
    private interface IntCall {
        int run();
    }
}
