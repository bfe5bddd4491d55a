// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import dev.pyspy4j.os.freebsd.kinfo.KinfoProc;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One kern.proc.pid sysctl with KERN_PROC_INC_THREAD per snapshot: every thread's {@code ki_stat} at once. */
final class FreeBsdThreadActivityProbe implements ThreadActivityProbe {
    private final KernProc kern;

    FreeBsdThreadActivityProbe(FreeBsdCalls calls, int pid) {
        this.kern = new KernProc(calls, pid);
    }

    /** Empty when the process is gone or cannot be looked at: activity is then unknown for every thread. */
    @Override
    public Map<Long, ThreadActivity> snapshot() {
        List<KinfoProc> threads;
        try {
            threads = kern.threads();
        } catch (FreeBsdCallException | SpyException e) {
            return Map.of();
        }
        Map<Long, ThreadActivity> activity = new HashMap<>();
        for (KinfoProc thread : threads) {
            ThreadStates.activity(thread.state()).ifPresent(value -> activity.put((long) thread.threadId(), value));
        }
        return activity;
    }

    @Override
    public void close() {
        // holds nothing: every snapshot is one sysctl
    }
}
