// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.family;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.linetable.LineTableDecoder;
import dev.pyspy4j.python.linetable.LineTableDecoders;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.python.PythonVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which family, table and line-table decoder each {@code PyFrameObject} version gets, 3.3-3.5 in particular. */
class FrameObjectFamilyVersionsTest {
    @ParameterizedTest(name = "CPython {0}")
    @ValueSource(strings = {"3.3.7", "3.4.10", "3.5.10", "3.5.0"})
    void python33To35AreFrameObjectVersionsWithTheirOwnTable(String version) {
        PythonVersion parsed = PythonVersion.parse(version);
        VersionFamily family = Families.forVersion(parsed).orElseThrow();

        assertThat(family).isInstanceOf(FrameObjectFamily.class);
        assertThat(family.describe()).isEqualTo(parsed.major() + "." + parsed.minor());
        StructLayouts table = StructLayouts.load(TargetArch.X86_64, family.describe());
        // PEP 412 keys objects: entries without an index array in front (that came with 3.6's compact dicts).
        assertThat(table.has("_dictkeysobject.dk_entries")).isTrue();
        assertThat(table.has("_dictkeysobject.dk_indices")).isFalse();
    }

    @ParameterizedTest(name = "CPython {0}")
    @ValueSource(strings = {"2.7.18", "3.3.7", "3.4.10", "3.5.10"})
    void lnotabLineIncrementsAreUnsignedBefore36(String version) {
        LineTableDecoder decoder = frameObjectFamily(version).lineTables();

        assertThat(decoder).isEqualTo(LineTableDecoders.lnotab(false));
        // assemble_lnotab() of 3.3-3.5 (Python/compile.c) splits +300 lines after 6 bytes into (6, 255), (0, 45).
        byte[] table = {6, (byte) 255, 0, 45};
        assertThat(decoder.decode(table, 10).lineAt(6)).isEqualTo(310);
        assertThat(decoder.decode(table, 10).lineAt(5)).isEqualTo(10);
    }

    @Test
    void lnotabLineIncrementsAreSignedFrom36() {
        assertThat(frameObjectFamily("3.6.15").lineTables()).isEqualTo(LineTableDecoders.lnotab(true));
        assertThat(frameObjectFamily("3.9.18").lineTables()).isEqualTo(LineTableDecoders.lnotab(true));
    }

    @Test
    void versionsBetween27And33StayUnsupported() {
        assertThat(Families.forVersion(PythonVersion.parse("3.2.6"))).isEmpty();
        assertThat(Families.forVersion(PythonVersion.parse("3.0.1"))).isEmpty();
    }

    private static FrameObjectFamily frameObjectFamily(String version) {
        return (FrameObjectFamily) Families.forVersion(PythonVersion.parse(version)).orElseThrow();
    }
}
