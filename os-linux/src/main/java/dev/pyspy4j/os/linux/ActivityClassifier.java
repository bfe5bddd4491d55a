// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.os.linux.proc.TaskStat;
import dev.pyspy4j.spi.process.ThreadActivity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Decides whether one thread is active from its {@code /proc} files: runnable ({@code R}). Its current system call
 * would add nothing: the kernel names one only for a thread that is not runnable (its {@code syscall} file says
 * {@code running} for every runnable thread, on a CPU or waiting for one), so it is not read. One exception keeps
 * sampling honest: pausing and resuming the target (ptrace) wakes every sleeping thread, which then stays runnable
 * until a CPU lets it go back to sleep, possibly past the next snapshot on a busy machine. So a thread that was idle
 * at the last snapshot counts as active again only once it has really run since it was last seen asleep: for more
 * than {@link #WOKEN_RUN_NANOS} and more than {@link #WOKEN_RUN_SHARE} of the time since ({@code schedstat}'s run
 * time), far more than entering and leaving a ptrace stop takes. The share is of all that time, not of the last
 * interval: on a loaded machine a woken thread may wait for a CPU past many snapshots, each pause waking it again,
 * and its few microseconds per wake-up add up.
 */
final class ActivityClassifier {
    /** A run time not read yet ({@link TaskFiles#readRunNanos} gives -1 when the kernel keeps none). */
    private static final long NOT_READ = -2;

    /** Run time that a wake-up by ptrace alone never reaches (a few microseconds are typical). */
    static final long WOKEN_RUN_NANOS = 50_000;
    /** Share of the time since it was last seen asleep that a thread woken by ptrace alone never runs. */
    static final double WOKEN_RUN_SHARE = 0.05;
    /**
     * The longest time the share is taken of, so that a thread that starts to run after a long wait for a CPU is
     * seen active after {@code WOKEN_RUN_SHARE} of this at most.
     */
    static final long WOKEN_WINDOW_NANOS = 1_000_000_000L;

    /**
     * The thread's activity now, and {@code notRun} told whether it has not been on a CPU since the previous look.
     *
     * @param sinceLastNanos time since the previous snapshot, or a negative value for the first one
     */
    Optional<ThreadActivity> classify(TaskFiles files, ByteBuffer buffer, long sinceLastNanos, NotRun notRun)
            throws IOException {
        long ran = NOT_READ;
        if (files.lastVerdict() == ThreadActivity.IDLE && files.lastRunNanos() >= 0) {
            // A thread that has not been on a CPU since it was seen idle is idle still, whether asleep or waiting
            // for a CPU: one small read instead of two, for what most threads of a large server are.
            ran = files.readRunNanos(buffer);
            if (files.notRunSinceRemembered(ran)) {
                notRun.since();
                return Optional.of(files.remember(ThreadActivity.IDLE, ran, true));
            }
            if (ran == files.lastRunNanos() && !files.countsArrivals()) {
                return Optional.of(files.remember(ThreadActivity.IDLE, ran, false));
            }
            // The same run time without that proof (remembered while it might have been on a CPU, or it arrived on
            // one since) is settled by a look at its state, which also makes the proof possible next time.
        }
        int length = files.readStat(buffer);
        if (length == 0) {
            return Optional.empty();
        }
        char state = TaskStat.stateOf(buffer, length);
        if (state == '\0') {
            return Optional.of(ThreadActivity.UNKNOWN);
        }
        if (state != 'R') {
            if (ran != NOT_READ) {
                // Read before a look that found it asleep: it was off every CPU then, or has been on one since.
                return Optional.of(files.remember(ThreadActivity.IDLE, ran, true));
            }
            // Read after the look, the run time may be that of a thread woken meanwhile and now on a CPU, which
            // proves nothing; the next look reads it before the state (a one-look dump pays nothing for proofs).
            return Optional.of(files.remember(ThreadActivity.IDLE, files.readRunNanos(buffer), false));
        }
        boolean wasIdle = files.lastVerdict() == ThreadActivity.IDLE && files.lastRunNanos() >= 0 && ran >= 0;
        if (wasIdle) {
            long awake = Math.min(WOKEN_WINDOW_NANOS, files.awakeNanos() + Math.max(0, sinceLastNanos));
            if (!ranSince(ran - files.lastRunNanos(), awake)) {
                // The run time of the idle look is kept: what counts is how much it ran since it was seen asleep.
                return Optional.of(files.stillIdleAfter(sinceLastNanos));
            }
        }
        // The run time of a thread seen active matters only once it is seen asleep, where it is read: a busy
        // thread costs one read per snapshot.
        return Optional.of(files.remember(ThreadActivity.ACTIVE, -1, false));
    }

    /** Told by {@link #classify} when the thread has not been on a CPU since the look before. */
    @FunctionalInterface
    interface NotRun {
        void since();
    }

    private static boolean ranSince(long ranNanos, long awakeNanos) {
        return ranNanos > WOKEN_RUN_NANOS && (awakeNanos <= 0 || ranNanos > WOKEN_RUN_SHARE * awakeNanos);
    }
}
