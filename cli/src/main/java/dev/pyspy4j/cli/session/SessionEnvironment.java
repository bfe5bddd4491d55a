// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import dev.pyspy4j.engine.Profiler;
import dev.pyspy4j.engine.Providers;
import dev.pyspy4j.engine.sampling.Clock;
import dev.pyspy4j.engine.sampling.Intervals;
import dev.pyspy4j.engine.sampling.ProcessTree;
import dev.pyspy4j.engine.sampling.SnapshotTriggers;
import dev.pyspy4j.engine.sampling.StopTriggers;
import dev.pyspy4j.spi.Platform;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * What sampling commands take from the world besides providers: time, the sampling schedule, how outside events
 * stop a run, the wall clock for file names, and whether standard error is a terminal. Tests replace each.
 *
 * @param clock            monotonic time and sleeping
 * @param intervals        the sampling schedule for a rate
 * @param stopTriggers     what turns signals into stop requests
 * @param wallClock        the local date and time
 * @param stderrIsTerminal whether a status line can be redrawn on standard error
 * @param startedAt        the {@link Clock#nanoTime} at which the command started, from which the duration of a
 *                         launched program's recording counts
 * @param snapshotTriggers what asks a recording for a numbered file now (SIGUSR1)
 */
public record SessionEnvironment(Clock clock, IntFunction<Intervals> intervals, StopTriggers stopTriggers,
                                 Supplier<ZonedDateTime> wallClock, boolean stderrIsTerminal, long startedAt,
                                 SnapshotTriggers snapshotTriggers) {
    /** An environment whose command starts now, with no outside snapshot requests. */
    public SessionEnvironment(Clock clock, IntFunction<Intervals> intervals, StopTriggers stopTriggers,
                              Supplier<ZonedDateTime> wallClock, boolean stderrIsTerminal) {
        this(clock, intervals, stopTriggers, wallClock, stderrIsTerminal, clock.nanoTime(), SnapshotTriggers.none());
    }

    public SessionEnvironment {
        Objects.requireNonNull(snapshotTriggers, "snapshotTriggers is null");
        Objects.requireNonNull(clock, "clock is null");
        Objects.requireNonNull(intervals, "intervals is null");
        Objects.requireNonNull(stopTriggers, "stopTriggers is null");
        Objects.requireNonNull(wallClock, "wallClock is null");
    }

    /** The engine as this environment runs it: its clock and schedule, the given providers and process tree. */
    public Profiler profiler(Providers providers, Platform platform, ProcessTree processTree) {
        return new Profiler(providers, platform, clock, intervals, processTree);
    }

    /**
     * The real thing: system time, random exponential intervals, SIGINT/SIGTERM, the local time zone; the command
     * starts now (made first thing in {@code main}).
     */
    public static SessionEnvironment system(boolean stderrIsTerminal) {
        return new SessionEnvironment(Clock.system(), rate -> Intervals.exponential(rate, new SplittableRandom()),
                StopTriggers.signalsAndShutdown(), ZonedDateTime::now, stderrIsTerminal, Clock.system().nanoTime(),
                SnapshotTriggers.userSignal());
    }
}
