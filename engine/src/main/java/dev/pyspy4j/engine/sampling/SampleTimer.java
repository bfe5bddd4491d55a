// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides when each sample is taken. Ticks follow a schedule of {@link Intervals}; a tick that fires a little late
 * keeps the schedule, so the next, shorter wait makes up for the slip. A tick later than one mean interval (the
 * sampler fell behind, or the machine stalled) restarts the schedule from now and reports the ticks it skipped:
 * py-spy's timer instead fires back-to-back until it has caught up, which piles samples onto one instant
 * (py-spy #230).
 *
 * <p>The duration counts from the start of the schedule, or from an earlier origin: the launch of a program, whose
 * start-up the duration then includes as py-spy's does. At least one tick fires however little of the duration is
 * left when sampling starts.
 */
final class SampleTimer {
    private final Clock clock;
    private final Intervals intervals;
    private final OptionalLong durationNanos;
    private final OptionalLong originNanos;
    private long start;
    private long end;
    private boolean ticked;
    private long due;
    /** The part of past lateness too short to make a whole skipped tick; kept so that skips add up exactly. */
    private long lateRemainder;

    SampleTimer(Clock clock, Intervals intervals, OptionalLong durationNanos) {
        this(clock, intervals, durationNanos, OptionalLong.empty());
    }

    /**
     * @param originNanos the {@link Clock#nanoTime} the duration counts from; empty for the start of the schedule
     */
    SampleTimer(Clock clock, Intervals intervals, OptionalLong durationNanos, OptionalLong originNanos) {
        this.clock = clock;
        this.intervals = intervals;
        this.durationNanos = durationNanos;
        this.originNanos = originNanos;
    }

    /** Starts the schedule now and returns the start time. */
    long start() {
        start = clock.nanoTime();
        due = start;
        if (durationNanos.isPresent()) {
            end = originNanos.orElse(start) + durationNanos.getAsLong();
        }
        return start;
    }

    /**
     * Waits for the next tick. Empty when the duration ends before it (after waiting until the end) or when
     * {@code stop} is requested while waiting.
     */
    Optional<Tick> await(StopSignal stop) {
        due += intervals.nextNanos();
        if (durationNanos.isPresent() && due - end >= 0 && ticked) {
            clock.sleepUntil(end, stop);
            return Optional.empty();
        }
        ticked = true;
        long now = clock.nanoTime();
        if (due > now) {
            clock.sleepUntil(due, stop);
            if (stop.requested()) {
                return Optional.empty();
            }
            now = clock.nanoTime();
            return Optional.of(new Tick(now - start, Math.max(0, now - due), 0));
        }
        long late = now - due;
        if (late <= intervals.meanNanos()) {
            return Optional.of(new Tick(now - start, late, 0));
        }
        due = now;
        long lost = late + lateRemainder;
        lateRemainder = lost % intervals.meanNanos();
        return Optional.of(new Tick(now - start, late, lost / intervals.meanNanos()));
    }
}
