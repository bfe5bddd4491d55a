// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * The adapter between {@link LibC} and the rest of the module: C conventions in, Java conventions out.
 * Every failure becomes a {@link NativeCallException} naming the call, its subject, the errno and its text.
 */
public final class LinuxCalls {
    /** Maximum iovec count per call, {@code UIO_MAXIOV} in linux/uio.h. */
    public static final int IOV_MAX = 1024;
    /** Bytes of one {@code struct iovec}: {@code void *iov_base; size_t iov_len}. */
    public static final int IOVEC_SIZE = 16;

    /** {@code __WALL} (linux/wait.h): wait for clone children (threads) too. */
    public static final int WALL = 0x40000000;
    /** {@code WNOHANG}: return at once when no child changed state. */
    public static final int WNOHANG = 1;

    /** Bytes of a {@code siginfo_t}; {@code si_signo} is its first int and {@code si_code} its third. */
    public static final int SIGINFO_SIZE = 128;

    /**
     * Bytes of glibc's {@code struct sigaction} on x86-64 and aarch64 ({@code sa_handler}, a 128-byte
     * {@code sigset_t}, {@code sa_flags}, {@code sa_restorer}: 152), rounded up for safety.
     */
    private static final int SIGACTION_SIZE = 256;
    /** {@code SIG_IGN}, the value of {@code sa_handler} (its first field) for an ignored signal. */
    private static final long SIG_IGN = 1;

    private static final int PTRACE_DETACH = 17;
    private static final int PTRACE_GETSIGINFO = 0x4202;
    private static final int PTRACE_GETREGSET = 0x4204;
    private static final int PTRACE_SEIZE = 0x4206;
    private static final int PTRACE_INTERRUPT = 0x4207;

    private LinuxCalls() {
    }

    /**
     * Reads {@code count} remote iovecs of process {@code pid} into as many local ones.
     *
     * @return bytes copied; fewer than requested when a remote range stopped being readable
     */
    public static long processVmReadv(int pid, long localIovecs, long remoteIovecs, int count) {
        try {
            return LibC.process_vm_readv(pid, localIovecs, count, remoteIovecs, count, 0);
        } catch (LastErrorException e) {
            throw failure("process_vm_readv", "process " + pid, e);
        }
    }

    /** {@code PTRACE_SEIZE}: become the tracer of one thread without stopping it. */
    public static void ptraceSeize(int tid, int options) {
        ptrace(PTRACE_SEIZE, "PTRACE_SEIZE", tid, options);
    }

    /** {@code PTRACE_INTERRUPT}: ask a seized thread to enter a {@code PTRACE_EVENT_STOP}. */
    public static void ptraceInterrupt(int tid) {
        ptrace(PTRACE_INTERRUPT, "PTRACE_INTERRUPT", tid, 0);
    }

    /** {@code PTRACE_DETACH}: let a stopped thread go, delivering {@code signal} (0 for none) as it resumes. */
    public static void ptraceDetach(int tid, int signal) {
        ptrace(PTRACE_DETACH, "PTRACE_DETACH", tid, signal);
    }

    /** {@code PTRACE_GETSIGINFO}: copies the {@code siginfo_t} of the stop a thread is in to {@code address}. */
    public static void ptraceGetSiginfo(int tid, long address) {
        try {
            LibC.ptrace(PTRACE_GETSIGINFO, tid, 0, address);
        } catch (LastErrorException e) {
            throw failure("ptrace(PTRACE_GETSIGINFO)", "thread " + tid, e);
        }
    }

    /**
     * {@code PTRACE_GETREGSET}: copies one register set ({@code type}, an {@code NT_*} note type) of a stopped
     * thread into the buffer the {@code struct iovec} at {@code iovecAddress} describes; the kernel shortens the
     * iovec's length to what it wrote.
     */
    public static void ptraceGetRegset(int tid, int type, long iovecAddress) {
        try {
            LibC.ptrace(PTRACE_GETREGSET, tid, type, iovecAddress);
        } catch (LastErrorException e) {
            throw failure("ptrace(PTRACE_GETREGSET)", "thread " + tid, e);
        }
    }

    /**
     * {@code waitpid(tid, status, options)}.
     *
     * @return the tid whose state changed, or 0 with {@link #WNOHANG} when none did
     */
    public static int waitpid(int tid, long statusAddress, int options) {
        try {
            return LibC.waitpid(tid, statusAddress, options);
        } catch (LastErrorException e) {
            throw failure("waitpid", "thread " + tid, e);
        }
    }

    /** Whether this process ignores {@code signal} ({@code SIG_IGN}), as it may have inherited. */
    public static boolean signalIsIgnored(int signal) {
        try (Memory old = new Memory(SIGACTION_SIZE)) {
            old.clear();
            sigaction(signal, 0, Pointer.nativeValue(old));
            return old.getLong(0) == SIG_IGN;
        }
    }

    /** Sets {@code signal} to its default disposition ({@code SIG_DFL}: a zeroed {@code struct sigaction}). */
    public static void setDefaultDisposition(int signal) {
        try (Memory action = new Memory(SIGACTION_SIZE)) {
            action.clear();
            sigaction(signal, Pointer.nativeValue(action), 0);
        }
    }

    private static void sigaction(int signal, long action, long oldAction) {
        try {
            LibC.sigaction(signal, action, oldAction);
        } catch (LastErrorException e) {
            throw failure("sigaction", "signal " + signal, e);
        }
    }

    /** Loads JNA's native library and binds the calls of this class, the first call's cost, without calling any. */
    public static void prepare() {
        LibC.bind();
    }

    /** The {@code strerror(3)} text of an errno value. */
    public static String describe(int errno) {
        return LibC.strerror(errno);
    }

    private static void ptrace(int request, String requestName, int tid, long data) {
        try {
            LibC.ptrace(request, tid, 0, data);
        } catch (LastErrorException e) {
            throw failure("ptrace(" + requestName + ")", "thread " + tid, e);
        }
    }

    private static NativeCallException failure(String call, String subject, LastErrorException e) {
        int errno = e.getErrorCode();
        return new NativeCallException(call, subject, errno, describe(errno));
    }
}
