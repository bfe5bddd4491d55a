// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Hand-assembled tables for the cases py-spy gets wrong, with lines worked out from
 * Objects/lnotab_notes.txt and Objects/locations.md.
 */
class LineTableEdgeCasesTest {
    private static final int FIRST = 100;

    @Test
    void lnotabLineIncrementsAreUnsignedBefore36() {
        byte[] table = bytes(10, 200);

        assertThat(LineTableDecoders.lnotab(false).decode(table, FIRST).lineAt(10)).isEqualTo(300);
        assertThat(LineTableDecoders.lnotab(true).decode(table, FIRST).lineAt(10)).isEqualTo(44);
    }

    @Test
    void a27JumpSplitInto255StepsAddsUp() {
        // 2.7's assemble_lnotab: +300 lines after 6 bytes is (6, 255), (0, 45).
        LineTable table = LineTableDecoders.lnotab(false).decode(bytes(6, 255, 0, 45), FIRST);

        assertThat(table.lineAt(5)).isEqualTo(FIRST);
        assertThat(table.lineAt(6)).isEqualTo(FIRST + 300);
    }

    @Test
    void a36NegativeJumpSplitIntoMinus128Steps() {
        // 3.6+: -300 lines after 8 bytes is (8, -128), (0, -128), (0, -44).
        LineTable table = LineTableDecoders.lnotab(true).decode(bytes(8, -128, 0, -128, 0, -44), 1000);

        assertThat(table.lineAt(7)).isEqualTo(1000);
        assertThat(table.lineAt(8)).isEqualTo(700);
    }

    @Test
    void a310NoLineRangeStillCoversItsBytes() {
        // (6, -128): bytes 0-5 have no line; (4, +3): bytes 6-9 are line FIRST + 3, not from byte 4 on.
        LineTable table = LineTableDecoders.linetable310().decode(bytes(6, -128, 4, 3), FIRST);

        assertThat(table.lineAt(0)).isEqualTo(FIRST);
        assertThat(table.lineAt(5)).isEqualTo(FIRST);
        assertThat(table.lineAt(6)).isEqualTo(FIRST + 3);
        assertThat(table.lineAt(9)).isEqualTo(FIRST + 3);
    }

    @Test
    void a310LargeJumpSplitOverZeroWidthPairs() {
        // assemble_line_range: +300 is (0, 127), (0, 127), (4, 46); then 4 bytes back 1 line.
        LineTable table = LineTableDecoders.linetable310().decode(bytes(0, 127, 0, 127, 4, 46, 4, -1), FIRST);

        assertThat(table.lineAt(0)).isEqualTo(FIRST + 300);
        assertThat(table.lineAt(3)).isEqualTo(FIRST + 300);
        assertThat(table.lineAt(4)).isEqualTo(FIRST + 299);
    }

    @Test
    void aLocationEntryEndsBeforeTheNextOneStarts() {
        // One-line forms (codes 10 and 11), one code unit each: [0, 2) on FIRST, [2, 4) on FIRST + 1.
        LineTable table = LineTableDecoders.locationTable().decode(
                bytes(0x80 | 10 << 3, 4, 8, 0x80 | 11 << 3, 0, 9), FIRST);

        assertThat(table.lineAt(1)).isEqualTo(FIRST);
        assertThat(table.lineAt(2)).isEqualTo(FIRST + 1);
        assertThat(table.lineAt(3)).isEqualTo(FIRST + 1);
    }

    @Test
    void longFormAndNoColumnFormCarrySignedVarintDeltas() {
        // Long form, 2 code units, +100 (zigzag 200 = groups 8 then 3: bytes 64|8, 3), end line +0, columns 0, 0.
        // No-column form, 1 code unit, -5 (zigzag 11).
        LineTable table = LineTableDecoders.locationTable().decode(
                bytes(0x80 | 14 << 3 | 1, 64 | 8, 3, 0, 1, 1, 0x80 | 13 << 3, 11), FIRST);

        assertThat(table.lineAt(0)).isEqualTo(FIRST + 100);
        assertThat(table.lineAt(3)).isEqualTo(FIRST + 100);
        assertThat(table.lineAt(4)).isEqualTo(FIRST + 95);
    }

    @Test
    void noLocationEntriesKeepThePrecedingLine() {
        // No location (code 15) first, then a short form on FIRST + 0, then no location again.
        LineTable table = LineTableDecoders.locationTable().decode(
                bytes(0x80 | 15 << 3 | 1, 0x80 | 11 << 3, 1, 2, 0x80 | 15 << 3 | 7), 7);

        assertThat(table.lineAt(0)).isEqualTo(7);
        assertThat(table.lineAt(4)).isEqualTo(8);
        assertThat(table.lineAt(6)).isEqualTo(8);
        assertThat(table.lineAt(21)).isEqualTo(8);
    }

    @Test
    void emptyTablesAndNegativeOffsetsGiveTheFirstLine() {
        for (LineTableDecoder decoder : new LineTableDecoder[] {LineTableDecoders.lnotab(false),
                LineTableDecoders.lnotab(true), LineTableDecoders.linetable310(), LineTableDecoders.locationTable()}) {
            assertThat(decoder.decode(new byte[0], FIRST).lineAt(40)).isEqualTo(FIRST);
            assertThat(decoder.decode(bytes(0x80 | 11 << 3, 2, 6), FIRST).lineAt(-2)).isEqualTo(FIRST);
        }
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
