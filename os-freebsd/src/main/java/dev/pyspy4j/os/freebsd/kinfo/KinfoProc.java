// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.kinfo;

/**
 * One {@code struct kinfo_proc} of kern.proc.pid (one per process, or one per thread with KERN_PROC_INC_THREAD),
 * the fields the provider uses.
 *
 * @param pid        {@code ki_pid}
 * @param threadId   {@code ki_tid}, the LWP id (the thread the record describes with KERN_PROC_INC_THREAD)
 * @param state      {@code ki_stat}: {@link #SRUN}, {@link #SSLEEP}, ...
 * @param command    {@code ki_comm}, the process's command name
 * @param threadName {@code ki_tdname} followed by {@code ki_moretdname}
 * @param waitMessage {@code ki_wmesg}, what a sleeping thread waits on (e.g. {@code nanslp}, {@code uwait})
 * @param tracerPid  {@code ki_tracer}, the process tracing this one; 0 when none
 * @param threadCount {@code ki_numthreads}
 */
public record KinfoProc(int pid, int threadId, int state, String command, String threadName, String waitMessage,
                        int tracerPid, int threadCount) {
    /** The values of {@code ki_stat} (sys/sys/proc.h). */
    public static final int SIDL = 1;
    public static final int SRUN = 2;
    public static final int SSLEEP = 3;
    public static final int SSTOP = 4;
    public static final int SZOMB = 5;
    public static final int SWAIT = 6;
    public static final int SLOCK = 7;
}
