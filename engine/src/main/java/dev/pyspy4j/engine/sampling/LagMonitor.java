// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import java.util.Optional;

/**
 * Watches samples for sampling that cannot keep up, and says so at most once per quiet period: either one tick
 * that came over a second late (py-spy warns then too), or a window of a second in which more than a tenth of the
 * due ticks had to be skipped. Skipped ticks come from the timer, so the random spread of the intervals alone never
 * raises a warning. The first window is not judged: the JIT compiles the sampling code then, and a sampler slow
 * only while warming up would warn about a rate it then reaches.
 */
public final class LagMonitor {
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private static final long STALL_NANOS = 1_000_000_000L;
    private static final double TOLERATED_MISSED_SHARE = 0.1;

    private final int askedRate;
    private final long quietNanos;
    private long windowStart;
    private long taken;
    private long missed;
    private long lastWarning = Long.MIN_VALUE;
    private boolean warmedUp;

    /**
     * @param quietNanos the least time between two warnings
     */
    public LagMonitor(int askedRate, long quietNanos) {
        this.askedRate = askedRate;
        this.quietNanos = quietNanos;
    }

    /** Takes one more sample into account; a warning when sampling is behind and the last one is long past. */
    public Optional<Lag> observe(Sample sample) {
        long now = sample.elapsedNanos();
        if (sample.lateNanos() > STALL_NANOS) {
            startWindow(now);
            return warn(now, new Lag(0, askedRate, sample.lateNanos()));
        }
        taken++;
        missed += sample.missedTicks();
        long windowLength = now - windowStart;
        if (windowLength < WINDOW_NANOS) {
            return Optional.empty();
        }
        boolean behind = warmedUp && missed > TOLERATED_MISSED_SHARE * (taken + missed);
        double achieved = taken * 1e9 / windowLength;
        startWindow(now);
        warmedUp = true;
        return behind ? warn(now, new Lag(achieved, askedRate, 0)) : Optional.empty();
    }

    private void startWindow(long now) {
        windowStart = now;
        taken = 0;
        missed = 0;
    }

    private Optional<Lag> warn(long now, Lag lag) {
        if (lastWarning != Long.MIN_VALUE && now - lastWarning < quietNanos) {
            return Optional.empty();
        }
        lastWarning = now;
        return Optional.of(lag);
    }
}
