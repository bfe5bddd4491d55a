// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The line state machine on hand-assembled DWARF 4 and DWARF 5 units with known rows. */
class LineProgramReaderTest {
    @Test
    void dwarf4RowsBecomeRangesUpToTheNextRow() {
        LineTable table = read(LinePrograms.dwarf4());

        assertThat(table.at(0x0fff)).isEmpty();
        assertThat(table.at(0x1000)).contains(new SourceLine("src/a.c", 10));
        assertThat(table.at(0x1003)).contains(new SourceLine("src/a.c", 10));
        assertThat(table.at(0x1004)).contains(new SourceLine("src/a.c", 11));
        assertThat(table.at(0x100b)).contains(new SourceLine("src/a.c", 11));
        assertThat(table.at(0x100c)).contains(new SourceLine("b.h", 16));
        assertThat(table.at(0x100f)).contains(new SourceLine("b.h", 16));
        assertThat(table.at(0x1010)).isEmpty();
    }

    @Test
    void dwarf5FilesCountFromZeroAndDirectoriesFromTheCompilationDirectory() {
        LineTable table = read(LinePrograms.dwarf5());

        assertThat(table.at(0x2000)).contains(new SourceLine("/build/main.c", 5));
        assertThat(table.at(0x200f)).contains(new SourceLine("/build/main.c", 5));
        assertThat(table.at(0x2010)).contains(new SourceLine("/build/lib/util.c", 7));
        assertThat(table.at(0x2012)).isEmpty();
    }

    @Test
    void unitsFollowOneAnother() {
        LineTable table = read(LinePrograms.both());

        assertThat(table.at(0x1004)).contains(new SourceLine("src/a.c", 11));
        assertThat(table.at(0x2010)).contains(new SourceLine("/build/lib/util.c", 7));
        assertThat(table.rangeCount()).isEqualTo(5);
    }

    @Test
    void truncatedUnitIsMalformed() {
        byte[] unit = LinePrograms.dwarf4();

        assertThatThrownBy(() -> read(Arrays.copyOf(unit, unit.length - 3)))
                .isInstanceOfSatisfying(SpyException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT))
                .hasMessageContaining(".debug_line of test.so");
    }

    @Test
    void unknownVersionIsMalformed() {
        byte[] unit = LinePrograms.dwarf4();
        unit[4] = 6;

        assertThatThrownBy(() -> read(unit)).isInstanceOfSatisfying(SpyException.class,
                e -> assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT)).hasMessageContaining("version 6");
    }

    static LineTable read(byte[] debugLine) {
        return LineProgramReader.read(ByteBuffer.wrap(debugLine).order(ByteOrder.LITTLE_ENDIAN), null, null,
                "test.so");
    }
}
