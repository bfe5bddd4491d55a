// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskLayoutTest {
    @Test
    void aLongerObjectHeaderMovesEveryFieldByAsMuch() {
        TaskLayout v313 = TaskLayout.of(13).orElseThrow();

        // The free-threaded 3.13t: a 32-byte header instead of 16.
        assertThat(v313.afterHeader(16)).isEqualTo(new TaskLayout(32, 112, 128, 136, 144));
        assertThat(v313.afterHeader(0)).isEqualTo(v313);
    }

    @Test
    void aMissingNameStaysMissing() {
        TaskLayout v37 = TaskLayout.of(7).orElseThrow();

        assertThat(v37.afterHeader(16).taskName()).isEqualTo(-1);
    }
}
