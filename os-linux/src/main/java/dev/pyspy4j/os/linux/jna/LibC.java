// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The few glibc functions pyspy4j calls, bound by JNA direct mapping ({@code Native.register}), which avoids the
 * reflection and argument boxing of interface mapping on the sampling hot path. Pointers are passed as raw
 * {@code long} addresses so that no {@code Pointer} object is allocated per call. Use {@link LinuxCalls}.
 */
final class LibC {
    /**
     * Where JNA looks for libraries named without a path. Left unset, JNA fills it in the first time it loads any
     * library, and on Linux that means running {@code /sbin/ldconfig -p}: a child process on every pyspy4j run.
     * The C library needs no search (JNA binds it to the process itself), and the other libraries pyspy4j loads
     * are named by soname, which the dynamic linker finds by its own cache; so the list stays empty unless the
     * user sets it.
     */
    private static final String JNA_LIBRARY_PATH = "jna.platform.library.path";

    static {
        if (System.getProperty(JNA_LIBRARY_PATH) == null) {
            System.setProperty(JNA_LIBRARY_PATH, "");
        }
        Native.register(LibC.class, Platform.C_LIBRARY_NAME);
    }

    private LibC() {
    }

    /** Nothing but what initialising this class does: the binding in its static initialiser. */
    static void bind() {
    }

    /**
     * {@code ssize_t process_vm_readv(pid_t pid, const struct iovec *local_iov, unsigned long liovcnt,
     * const struct iovec *remote_iov, unsigned long riovcnt, unsigned long flags)}, process_vm_readv(2).
     */
    static native long process_vm_readv(int pid, long localIov, long localIovCount, long remoteIov,
            long remoteIovCount, long flags) throws LastErrorException;

    /**
     * {@code long ptrace(enum __ptrace_request request, pid_t pid, void *addr, void *data)}, ptrace(2). glibc
     * declares it variadic; on x86-64 and aarch64 integer arguments travel in the same registers either way.
     */
    static native long ptrace(int request, int pid, long addr, long data) throws LastErrorException;

    /** {@code pid_t waitpid(pid_t pid, int *wstatus, int options)}, waitpid(2). */
    static native int waitpid(int pid, long statusAddress, int options) throws LastErrorException;

    /**
     * {@code int sigaction(int signum, const struct sigaction *act, struct sigaction *oldact)}, sigaction(2);
     * either pointer may be 0.
     */
    static native int sigaction(int signum, long action, long oldAction) throws LastErrorException;

    /** {@code char *strerror(int errnum)}, strerror(3). */
    static native String strerror(int errnum);
}
