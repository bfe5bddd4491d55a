// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void theWaitDoublesUpToItsLongest() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(Backoff.DEFAULT::after).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L, 30L);
    }

    @Test
    void aFirstWaitLongerThanTheLongestIsCut() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofMillis(1500), 3);

        assertThat(backoff.after(1)).hasMillis(500);
        assertThat(backoff.after(2)).hasMillis(1000);
        assertThat(backoff.after(3)).hasMillis(1500);
        assertThat(backoff.after(100)).hasMillis(1500);
    }
}
