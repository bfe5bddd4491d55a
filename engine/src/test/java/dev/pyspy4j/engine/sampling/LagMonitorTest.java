// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When falling behind is worth a warning, and how often. */
class LagMonitorTest {
    private static final long MS = 1_000_000L;
    private static final long QUIET = 10_000 * MS;

    private static Sample sample(long elapsedMillis, long lateNanos, long missed) {
        return new Sample(elapsedMillis * MS, List.of(), List.of(), lateNanos, missed);
    }

    /** Feeds a sample every {@code stepMillis} for {@code seconds}, each with {@code missed} skipped ticks. */
    private static List<Lag> feed(LagMonitor monitor, long fromMillis, int seconds, long stepMillis, long missed) {
        List<Lag> warnings = new ArrayList<>();
        for (long t = fromMillis + stepMillis; t <= fromMillis + seconds * 1_000L; t += stepMillis) {
            monitor.observe(sample(t, 0, missed)).ifPresent(warnings::add);
        }
        return warnings;
    }

    @Test
    void samplingOnScheduleNeverWarns() {
        assertThat(feed(new LagMonitor(100, QUIET), 0, 30, 10, 0)).isEmpty();
    }

    @Test
    void aFewSkippedTicksAreTolerated() {
        LagMonitor monitor = new LagMonitor(100, QUIET);
        // One skipped tick every 20 samples: 5 % of the due ticks.
        List<Lag> warnings = new ArrayList<>();
        for (int i = 1; i <= 1_000; i++) {
            monitor.observe(sample(i * 10L, 0, i % 20 == 0 ? 1 : 0)).ifPresent(warnings::add);
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void theFirstSecondIsNotJudged() {
        assertThat(feed(new LagMonitor(1_000, QUIET), 0, 1, 2, 1)).isEmpty();
    }

    @Test
    void samplingAtHalfTheRateWarnsWithTheAchievedRate() {
        LagMonitor monitor = new LagMonitor(1_000, QUIET);
        feed(monitor, 0, 1, 1, 0);

        // Then a sample every 2 ms, each after one skipped tick: 500 of 1000 asked.
        List<Lag> warnings = feed(monitor, 1_000, 1, 2, 1);

        assertThat(warnings).singleElement().satisfies(lag -> {
            assertThat(lag.isStall()).isFalse();
            assertThat(lag.askedRate()).isEqualTo(1_000);
            assertThat(lag.achievedRate()).isCloseTo(500.0, within(5.0));
        });
    }

    @Test
    void persistentLagWarnsOnlyOncePerQuietPeriod() {
        LagMonitor monitor = new LagMonitor(1_000, QUIET);

        // Judged from the second window on (at 2 s), then quiet for 10 s: again at 12 s.
        assertThat(feed(monitor, 0, 11, 2, 1)).hasSize(1);
        assertThat(feed(monitor, 11_000, 2, 2, 1)).hasSize(1);
    }

    @Test
    void aTickOverASecondLateIsAStall() {
        LagMonitor monitor = new LagMonitor(100, QUIET);

        Optional<Lag> lag = monitor.observe(sample(3_000, 1_500 * MS, 150));

        assertThat(lag).hasValueSatisfying(stall -> {
            assertThat(stall.isStall()).isTrue();
            assertThat(stall.stallNanos()).isEqualTo(1_500 * MS);
        });
    }

    @Test
    void aShortHiccupIsNeitherAStallNorLag() {
        LagMonitor monitor = new LagMonitor(100, QUIET);
        List<Lag> warnings = new ArrayList<>(feed(monitor, 0, 1, 10, 0));

        // 50 ms late, five ticks skipped, then on schedule again: 5 % of the second's ticks lost.
        monitor.observe(sample(1_060, 50 * MS, 5)).ifPresent(warnings::add);
        warnings.addAll(feed(monitor, 1_060, 2, 10, 0));

        assertThat(warnings).isEmpty();
    }

    @Test
    void aHiccupOfMostOfASecondIsLagButNoStall() {
        LagMonitor monitor = new LagMonitor(100, QUIET);
        feed(monitor, 0, 1, 10, 0);

        monitor.observe(sample(1_910, 900 * MS, 90));
        List<Lag> warnings = feed(monitor, 1_910, 1, 10, 0);

        assertThat(warnings).singleElement().satisfies(lag -> assertThat(lag.isStall()).isFalse());
    }
}
