// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PythonVersionTest {
    @Test
    void decodesPyVersionHex() {
        assertThat(PythonVersion.fromHex(0x030d00f0L)).hasToString("3.13.0");
        assertThat(PythonVersion.fromHex(0x030b07f0L)).isEqualTo(PythonVersion.of(3, 11, 7));
        assertThat(PythonVersion.fromHex(0x030f00a2L)).hasToString("3.15.0a2");
        assertThat(PythonVersion.fromHex(0x030e00c1L)).hasToString("3.14.0rc1");
    }

    @Test
    void parsesVersionText() {
        assertThat(PythonVersion.parse("3.11.7")).isEqualTo(PythonVersion.of(3, 11, 7));
        assertThat(PythonVersion.parse("2.7.18")).isEqualTo(PythonVersion.of(2, 7, 18));
        assertThat(PythonVersion.parse("3.8.5+cinder").build()).isEqualTo("cinder");
        assertThat(PythonVersion.parse("3.15.0b1").releaseLevel()).isEqualTo("b");
        assertThatThrownBy(() -> PythonVersion.parse("three")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersPreReleasesBeforeFinals() {
        assertThat(PythonVersion.parse("3.13.0rc3")).isLessThan(PythonVersion.parse("3.13.0"));
        assertThat(PythonVersion.parse("3.13.0a1")).isLessThan(PythonVersion.parse("3.13.0b1"));
        assertThat(PythonVersion.parse("3.9.18")).isLessThan(PythonVersion.parse("3.10.0"));
        assertThat(PythonVersion.of(3, 11, 0).atLeast(3, 11)).isTrue();
        assertThat(PythonVersion.of(3, 10, 9).atLeast(3, 11)).isFalse();
        assertThat(PythonVersion.of(2, 7, 18).atLeast(3, 0)).isFalse();
    }

    @Property
    void hexRoundTrips(@ForAll @IntRange(min = 2, max = 3) int major, @ForAll @IntRange(max = 40) int minor,
                       @ForAll @IntRange(max = 40) int patch, @ForAll @IntRange(max = 3) int level,
                       @ForAll @IntRange(min = 1, max = 9) int serial) {
        String levelText = new String[] {"", "a", "b", "rc"}[level];
        PythonVersion version = new PythonVersion(major, minor, patch, levelText, levelText.isEmpty() ? 0 : serial, "");
        assertThat(PythonVersion.fromHex(version.toHex())).isEqualTo(version);
        assertThat(PythonVersion.parse(version.toString())).isEqualTo(version);
    }
}
