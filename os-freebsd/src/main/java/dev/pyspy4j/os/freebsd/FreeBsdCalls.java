// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

/**
 * The FreeBSD system calls the provider makes, one method each, taking and returning plain values and byte arrays
 * so that everything above them runs (and is tested) on any system. A failed call throws a
 * {@link FreeBsdCallException} carrying the errno. The numbers and struct layouts are amd64's, from
 * {@code sys/sys/sysctl.h}, {@code sys/sys/ptrace.h}, {@code sys/sys/user.h} and {@code sys/x86/include/reg.h}.
 */
public interface FreeBsdCalls {
    /** {@code CTL_KERN} and {@code KERN_PROC} (sys/sys/sysctl.h): the first two numbers of every kern.proc MIB. */
    int CTL_KERN = 1;
    int KERN_PROC = 14;
    /** kern.proc.pid.&lt;pid&gt;: one {@code struct kinfo_proc}. */
    int KERN_PROC_PID = 1;
    /** kern.proc.args.&lt;pid&gt;: argv, each argument ending in a NUL. */
    int KERN_PROC_ARGS = 7;
    /** kern.proc.pathname.&lt;pid&gt;: the executable's path, NUL-terminated. */
    int KERN_PROC_PATHNAME = 12;
    /** Added to {@link #KERN_PROC_PID}: one {@code struct kinfo_proc} per thread instead of one per process. */
    int KERN_PROC_INC_THREAD = 0x10;
    /** kern.proc.vmmap.&lt;pid&gt;: packed variable-length {@code struct kinfo_vmentry} records. */
    int KERN_PROC_VMMAP = 32;

    /** sysctl(3) reading the whole value of {@code mib}, however long. */
    byte[] sysctl(int[] mib);

    /** ptrace(PT_ATTACH): become the tracer of {@code pid}, which the kernel stops with SIGSTOP. */
    void ptraceAttach(int pid);

    /** waitpid(pid, &amp;status, 0): the raw wait status of the next stop or exit of a traced process. */
    int waitpid(int pid);

    /** ptrace(PT_CONTINUE, pid, (caddr_t) 1, signal): let a stopped traced process run on with {@code signal}. */
    void ptraceContinue(int pid, int signal);

    /** ptrace(PT_DETACH, pid, (caddr_t) 1, signal): stop tracing; the process resumes and receives {@code signal}. */
    void ptraceDetach(int pid, int signal);

    /**
     * ptrace(PT_IO) with a {@code struct ptrace_io_desc} of operation PIOD_READ_D: copies up to {@code length} bytes
     * at {@code address} of the stopped, traced process into {@code buffer}; returns how many were copied.
     */
    int ptraceReadData(int pid, long address, byte[] buffer, int length);

    /** ptrace(PT_GETNUMLWPS): how many threads (LWPs) the traced process has. */
    int ptraceLwpCount(int pid);

    /** ptrace(PT_GETLWPLIST): the ids of at most {@code capacity} threads of the traced process. */
    int[] ptraceLwpList(int pid, int capacity);

    /** ptrace(PT_GETREGS) of thread {@code lwpId} of a traced process: the bytes of amd64's {@code struct reg}. */
    byte[] ptraceGetRegisters(int lwpId);

    /** geteuid(2). */
    int geteuid();
}
