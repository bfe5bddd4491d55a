// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import dev.pyspy4j.os.freebsd.kinfo.KinfoProc;
import dev.pyspy4j.spi.process.ThreadActivity;
import java.util.Optional;

/**
 * A thread's activity from its {@code ki_stat}: running or runnable (SRUN) is active; sleeping (SSLEEP), waiting for
 * an interrupt (SWAIT), blocked on a lock (SLOCK), stopped (SSTOP) and just created (SIDL) are idle; the same rule
 * py-spy applies to Linux's {@code R} state. A zombie thread is no thread any more and is left out.
 */
final class ThreadStates {
    private ThreadStates() {
    }

    static Optional<ThreadActivity> activity(int state) {
        return switch (state) {
            case KinfoProc.SRUN -> Optional.of(ThreadActivity.ACTIVE);
            case KinfoProc.SSLEEP, KinfoProc.SWAIT, KinfoProc.SLOCK, KinfoProc.SSTOP, KinfoProc.SIDL ->
                    Optional.of(ThreadActivity.IDLE);
            case KinfoProc.SZOMB -> Optional.empty();
            default -> Optional.of(ThreadActivity.UNKNOWN);
        };
    }
}
