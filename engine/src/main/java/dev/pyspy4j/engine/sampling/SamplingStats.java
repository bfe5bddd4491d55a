// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

/**
 * How a sampling run went, counted per tick.
 *
 * @param rounds       ticks at which the processes were read, successfully or not
 * @param ticks        ticks at which at least one process was read
 * @param failedTicks  ticks at which some process could not be read
 * @param missedTicks  ticks skipped because sampling fell behind
 * @param elapsedNanos wall time from the start of sampling to its end
 * @param maxLateNanos the latest any tick fired
 */
public record SamplingStats(long rounds, long ticks, long failedTicks, long missedTicks, long elapsedNanos,
                            long maxLateNanos) {
    /** Nothing sampled yet. */
    public static SamplingStats empty() {
        return new SamplingStats(0, 0, 0, 0, 0, 0);
    }

    /** These counts plus one more sample. */
    public SamplingStats plus(Sample sample, int processesRead) {
        boolean attempted = processesRead > 0 || !sample.failures().isEmpty();
        return new SamplingStats(rounds + (attempted ? 1 : 0), ticks + (processesRead > 0 ? 1 : 0),
                failedTicks + (sample.failures().isEmpty() ? 0 : 1), missedTicks + sample.missedTicks(),
                Math.max(elapsedNanos, sample.elapsedNanos()), Math.max(maxLateNanos, sample.lateNanos()));
    }

    /** The same counts over a run that lasted {@code nanos}. */
    public SamplingStats endedAfter(long nanos) {
        return new SamplingStats(rounds, ticks, failedTicks, missedTicks, nanos, maxLateNanos);
    }

    /**
     * Successful samples per second of wall time: what was achieved, whatever was asked. 0 for a run too short
     * to measure.
     */
    public double achievedRate() {
        return perSecond(ticks);
    }

    /** Rounds per second of wall time, failed or not: how fast sampling went. 0 for a run too short to measure. */
    public double roundRate() {
        return perSecond(rounds);
    }

    /** Whether the processes were read at least once and never successfully. */
    public boolean everyRoundFailed() {
        return rounds > 0 && ticks == 0;
    }

    private double perSecond(long count) {
        return elapsedNanos <= 0 ? 0 : count * 1e9 / elapsedNanos;
    }
}
