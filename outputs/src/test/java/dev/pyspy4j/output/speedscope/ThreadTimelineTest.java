// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.speedscope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Run-length encoding and idle fillers of one thread's samples. */
class ThreadTimelineTest {
    private static final long MS = 1_000_000;

    private static String entries(ThreadTimeline timeline) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < timeline.entries(); i++) {
            text.append(timeline.stack(i) == ThreadTimeline.IDLE ? "idle" : "s" + timeline.stack(i))
                    .append('=').append(timeline.seconds(i, 100)).append(' ');
        }
        return text.toString().trim();
    }

    @Test
    void mergesConsecutiveSamplesOfOneStack() {
        ThreadTimeline timeline = new ThreadTimeline("t", 10 * MS);
        timeline.add(4, 0);
        timeline.add(4, 10 * MS);
        timeline.add(5, 20 * MS);
        timeline.add(4, 30 * MS);

        assertThat(entries(timeline)).isEqualTo("s4=0.02 s5=0.01 s4=0.01");
    }

    @Test
    void startsWithTheTimeBeforeTheFirstSampleAndFillsGapsOfAnIntervalOrMore() {
        ThreadTimeline timeline = new ThreadTimeline("t", 10 * MS);
        timeline.add(1, 25 * MS);
        timeline.add(1, 44 * MS);
        timeline.add(1, 50 * MS);
        timeline.add(1, 80 * MS);

        // 25 ms unsampled, then 25-35 sampled; 44 is within one interval of 35 (jitter), so 35-55 is sampled;
        // 80 is 25 ms after 55.
        assertThat(entries(timeline)).isEqualTo("idle=0.025 s1=0.03 idle=0.025 s1=0.01");
    }

    @Test
    void treatsSamplesOfOneTickAsConsecutive() {
        ThreadTimeline timeline = new ThreadTimeline("t", 10 * MS);
        timeline.add(1, 0);
        timeline.add(2, 0);
        timeline.add(2, 5 * MS);

        assertThat(entries(timeline)).isEqualTo("s1=0.01 s2=0.02");
    }
}
