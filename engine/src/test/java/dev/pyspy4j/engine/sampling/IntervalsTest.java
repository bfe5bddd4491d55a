// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The gaps between ticks: their mean, their spread, and rates that make no sense. */
class IntervalsTest {
    @Test
    void exponentialGapsAverageOneOverTheRate() {
        Intervals intervals = Intervals.exponential(100, new SplittableRandom(42));

        double mean = LongStream.generate(intervals::nextNanos).limit(200_000).average().orElseThrow();

        assertThat(intervals.meanNanos()).isEqualTo(10_000_000L);
        assertThat(mean).isCloseTo(10_000_000.0, within(150_000.0));
    }

    @Test
    void exponentialGapsSpreadLikeAnExponentialDistribution() {
        Intervals intervals = Intervals.exponential(1_000, new SplittableRandom(7));
        long[] gaps = LongStream.generate(intervals::nextNanos).limit(200_000).toArray();

        // P(X > mean) = 1/e for an exponential distribution; fixed gaps would give 0 or 1.
        double aboveMean = LongStream.of(gaps).filter(gap -> gap > 1_000_000L).count() / (double) gaps.length;
        assertThat(aboveMean).isCloseTo(Math.exp(-1), within(0.01));
        assertThat(LongStream.of(gaps).min().orElseThrow()).isNotNegative();
    }

    @Test
    void fixedGapsAreAllEqual() {
        Intervals intervals = Intervals.fixed(250);

        assertThat(LongStream.generate(intervals::nextNanos).limit(10)).containsOnly(4_000_000L);
    }

    @Test
    void rejectsRatesThatAreNotPositive() {
        assertThatThrownBy(() -> Intervals.fixed(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThatThrownBy(() -> Intervals.exponential(-5, new SplittableRandom())).hasMessageContaining("-5");
    }
}
