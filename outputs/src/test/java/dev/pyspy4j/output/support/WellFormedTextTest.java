// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unpaired surrogates, such as CPython's surrogateescape produces, become U+FFFD; pairs stay. */
class WellFormedTextTest {
    @Test
    void keepsWellFormedTextAsItIs() {
        String text = "main 😀 関数";

        assertThat(WellFormedText.of(text)).isSameAs(text);
    }

    @Test
    void replacesLoneHighAndLowSurrogates() {
        assertThat(WellFormedText.of("caf\udce9.py")).isEqualTo("caf\uFFFD.py");
        assertThat(WellFormedText.of("a\ud83d")).isEqualTo("a\uFFFD");
        assertThat(WellFormedText.of("\ude00\ud83d\ude00\ud83d")).isEqualTo("\uFFFD😀\uFFFD");
    }
}
