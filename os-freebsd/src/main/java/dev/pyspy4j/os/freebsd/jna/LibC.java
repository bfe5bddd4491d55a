// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;

/** The libc functions the provider calls; prototypes from sys/sys/sysctl.h, sys/sys/ptrace.h and sys/sys/wait.h. */
interface LibC extends Library {
    /** int sysctl(const int *name, u_int namelen, void *oldp, size_t *oldlenp, const void *newp, size_t newlen). */
    int sysctl(int[] name, int namelen, Pointer oldp, LongByReference oldlenp, Pointer newp, long newlen)
            throws LastErrorException;

    /** int ptrace(int request, pid_t pid, caddr_t addr, int data). */
    int ptrace(int request, int pid, Pointer addr, int data) throws LastErrorException;

    /** pid_t waitpid(pid_t wpid, int *status, int options). */
    int waitpid(int pid, IntByReference status, int options) throws LastErrorException;

    int geteuid();
}
