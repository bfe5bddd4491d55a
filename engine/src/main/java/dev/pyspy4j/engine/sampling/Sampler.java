// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The sampling loop: at every tick of a {@link SampleTimer}, reads a {@link SampleSource} once and hands the
 * {@link Sample} to a {@link SampleConsumer}, until the duration passes, the processes exit or a stop is
 * requested. Runs on the calling thread; {@code record} calls it from its command, {@code top} can run it on a
 * thread of its own.
 */
public final class Sampler {
    private final Clock clock;
    private final Intervals intervals;
    private final OptionalLong durationNanos;
    private final OptionalLong originNanos;

    /**
     * @param durationNanos how long to sample; empty for as long as the processes run or until stopped
     */
    public Sampler(Clock clock, Intervals intervals, OptionalLong durationNanos) {
        this(clock, intervals, durationNanos, OptionalLong.empty());
    }

    private Sampler(Clock clock, Intervals intervals, OptionalLong durationNanos, OptionalLong originNanos) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.intervals = Objects.requireNonNull(intervals, "intervals is null");
        this.durationNanos = Objects.requireNonNull(durationNanos, "durationNanos is null");
        this.originNanos = originNanos;
    }

    /**
     * The same loop with its duration counted from {@code originNanos} (a {@link Clock#nanoTime}) instead of the
     * start of sampling: from the launch of a program, so that the wait for its interpreter is part of the duration.
     */
    public Sampler countingFrom(long originNanos) {
        return new Sampler(clock, intervals, durationNanos, OptionalLong.of(originNanos));
    }

    /** Samples until one of the ends described above; the source stays open for the caller to close. */
    public SamplingResult run(SampleSource source, SampleConsumer consumer, StopSignal stop) {
        SampleTimer timer = new SampleTimer(clock, intervals, durationNanos, originNanos);
        long start = timer.start();
        SamplingStats stats = SamplingStats.empty();
        StopReason reason = null;
        while (reason == null) {
            Optional<Tick> tick = timer.await(stop);
            if (stop.requested()) {
                reason = stop.reason().orElseThrow();
            } else if (tick.isEmpty()) {
                reason = StopReason.DURATION;
            } else {
                SourceReading reading = source.read();
                Sample sample = new Sample(tick.get().elapsedNanos(), reading.traces(), reading.failures(),
                        tick.get().lateNanos(), tick.get().missedTicks());
                stats = stats.plus(sample, reading.processesRead());
                consumer.accept(sample);
                reason = source.exhausted() ? source.exhaustion() : null;
            }
        }
        return new SamplingResult(reason, stats.endedAfter(clock.nanoTime() - start));
    }
}
