// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordingCountsTest {
    @Test
    void describesTheCountsAsTheSummaryLineDoesKeepingTheOrderOfTheReasons() {
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("unreadable memory", 9L);
        reasons.put("torn stack", 2L);

        RecordingCounts counts = new RecordingCounts(324, 631, reasons);

        assertThat(counts.errors()).isEqualTo(11);
        assertThat(counts.describe())
                .isEqualTo("631 samples in 324 rounds, errors: 11 (unreadable memory: 9, torn stack: 2)");
        assertThat(new RecordingCounts(5, 5, Map.of()).describe()).isEqualTo("5 samples in 5 rounds, errors: 0");
    }

    @Test
    void keepsACopyThatCannotChange() {
        Map<String, Long> reasons = new HashMap<>(Map.of("torn stack", 1L));
        RecordingCounts counts = new RecordingCounts(1, 0, reasons);
        reasons.put("unreadable memory", 4L);

        assertThat(counts.errorsByReason()).containsOnlyKeys("torn stack");
        assertThatThrownBy(() -> counts.errorsByReason().put("x", 1L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesNegativeCountsAndReasonsWithoutFailures() {
        assertThatThrownBy(() -> new RecordingCounts(-1, 0, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordingCounts(0, -1, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordingCounts(1, 1, Map.of("torn stack", 0L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("torn stack");
    }
}
