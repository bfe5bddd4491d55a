// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a launched program's duration starts. */
class RecordSessionTest {
    private static final long MILLI = 1_000_000L;

    @Test
    void aQuickStartCountsTowardsTheDurationAsPySpysDoes() {
        assertThat(RecordSession.durationOrigin(1_000 * MILLI, 1_300 * MILLI)).isEqualTo(1_000 * MILLI);
    }

    @Test
    void aSlowStartCountsForHalfASecondAtMost() {
        assertThat(RecordSession.durationOrigin(1_000 * MILLI, 5_000 * MILLI)).isEqualTo(4_500 * MILLI);
    }
}
