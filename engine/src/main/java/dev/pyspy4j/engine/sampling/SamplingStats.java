// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

/**
 * How a sampling run went, counted per tick.
 *
 * @param ticks        ticks at which at least one process was read
 * @param failedTicks  ticks at which some process could not be read
 * @param missedTicks  ticks skipped because sampling fell behind
 * @param elapsedNanos wall time from the start of sampling to its end
 * @param maxLateNanos the latest any tick fired
 */
public record SamplingStats(long ticks, long failedTicks, long missedTicks, long elapsedNanos, long maxLateNanos) {
    /** Nothing sampled yet. */
    public static SamplingStats empty() {
        return new SamplingStats(0, 0, 0, 0, 0);
    }

    /** These counts plus one more sample. */
    public SamplingStats plus(Sample sample, int processesRead) {
        return new SamplingStats(ticks + (processesRead > 0 ? 1 : 0),
                failedTicks + (sample.failures().isEmpty() ? 0 : 1), missedTicks + sample.missedTicks(),
                Math.max(elapsedNanos, sample.elapsedNanos()), Math.max(maxLateNanos, sample.lateNanos()));
    }

    /** The same counts over a run that lasted {@code nanos}. */
    public SamplingStats endedAfter(long nanos) {
        return new SamplingStats(ticks, failedTicks, missedTicks, nanos, maxLateNanos);
    }

    /**
     * Successful samples per second of wall time: what was achieved, whatever was asked. 0 for a run too short
     * to measure.
     */
    public double achievedRate() {
        return elapsedNanos <= 0 ? 0 : ticks * 1e9 / elapsedNanos;
    }
}
