// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.os.linux.proc.ProcSyscall;
import dev.pyspy4j.os.linux.proc.TaskStat;
import dev.pyspy4j.spi.process.ThreadActivity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Decides whether one thread is active from its {@code /proc} files: runnable ({@code R}) and not in a blocking
 * system call. One exception keeps sampling honest: pausing and resuming the target (ptrace) wakes every sleeping
 * thread, which then stays runnable until a CPU lets it go back to sleep, possibly past the next snapshot on a busy
 * machine. So a thread that was idle at the last snapshot counts as active again only once it has really run
 * since: for more than {@link #WOKEN_RUN_NANOS} and more than {@link #WOKEN_RUN_SHARE} of the time between the
 * snapshots ({@code schedstat}'s run time), far more than entering and leaving a ptrace stop takes.
 */
final class ActivityClassifier {
    private final boolean consultSyscall;

    /** @param consultSyscall whether a runnable thread's current system call may overrule its scheduler state */
    ActivityClassifier(boolean consultSyscall) {
        this.consultSyscall = consultSyscall;
    }

    /** Run time that a wake-up by ptrace alone never reaches (a few microseconds are typical). */
    static final long WOKEN_RUN_NANOS = 50_000;
    /** Share of the time between snapshots that a thread woken by ptrace alone never runs. */
    static final double WOKEN_RUN_SHARE = 0.05;

    /** @param sinceLastNanos time since the previous snapshot, or a negative value for the first one */
    Optional<ThreadActivity> classify(TaskFiles files, ByteBuffer buffer, long sinceLastNanos) throws IOException {
        int length = files.readStat(buffer);
        if (length == 0) {
            return Optional.empty();
        }
        char state = TaskStat.stateOf(buffer, length);
        if (state == '\0') {
            return Optional.of(ThreadActivity.UNKNOWN);
        }
        long ran = files.readRunNanos(buffer);
        if (state != 'R' || consultSyscall && ProcSyscall.syscallOf(buffer, files.readSyscall(buffer)) >= 0) {
            return Optional.of(files.remember(ThreadActivity.IDLE, ran));
        }
        boolean wasIdle = files.lastVerdict() == ThreadActivity.IDLE && files.lastRunNanos() >= 0 && ran >= 0;
        if (wasIdle && !ranSince(ran - files.lastRunNanos(), sinceLastNanos)) {
            // Keep the run time of the idle look: what counts is how much it ran since it was last seen asleep.
            files.remember(ThreadActivity.IDLE, files.lastRunNanos());
            return Optional.of(ThreadActivity.IDLE);
        }
        return Optional.of(files.remember(ThreadActivity.ACTIVE, ran));
    }

    private static boolean ranSince(long ranNanos, long sinceLastNanos) {
        return ranNanos > WOKEN_RUN_NANOS && (sinceLastNanos <= 0 || ranNanos > WOKEN_RUN_SHARE * sinceLastNanos);
    }
}
