// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import java.util.SplittableRandom;

/**
 * The gaps between sampling ticks. Random, exponentially distributed gaps (a Poisson process, as py-spy's
 * {@code timer.rs} uses) cannot fall into step with a periodic workload, which fixed gaps can (py-spy #94).
 */
public interface Intervals {
    /** The next gap in nanoseconds. */
    long nextNanos();

    /** The average gap: one second divided by the rate. */
    long meanNanos();

    /** Exponentially distributed gaps averaging {@code 1 / rate} seconds. */
    static Intervals exponential(int rate, SplittableRandom random) {
        long mean = meanFor(rate);
        return new Intervals() {
            @Override
            public long nextNanos() {
                // Inverse transform sampling; 1 - u is in (0, 1], so the logarithm is finite.
                return (long) (-Math.log(1.0 - random.nextDouble()) * mean);
            }

            @Override
            public long meanNanos() {
                return mean;
            }
        };
    }

    /** Equal gaps of {@code 1 / rate} seconds, for tests that need a predictable schedule. */
    static Intervals fixed(int rate) {
        long mean = meanFor(rate);
        return new Intervals() {
            @Override
            public long nextNanos() {
                return mean;
            }

            @Override
            public long meanNanos() {
                return mean;
            }
        };
    }

    private static long meanFor(int rate) {
        if (rate <= 0) {
            throw new IllegalArgumentException("sampling rate must be positive, was " + rate);
        }
        return 1_000_000_000L / rate;
    }
}
