// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.util.List;
import java.util.function.IntUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Tables read from a moving target can be anything: every decoder returns a table and never throws, and on any
 * bytes it answers what CPython's own per-query lookup ({@link CPythonAddr2Line}) answers for that offset.
 */
@Fuzz
class LineTableFuzzPropertiesTest {
    private static final int PAST_END = 64;

    @Property(tries = 2000)
    void garbageDecodesWithoutThrowing(@ForAll @Size(max = 600) byte[] garbage, @ForAll int firstLine,
            @ForAll int offset) {
        for (LineTableDecoder decoder : List.of(LineTableDecoders.lnotab(false), LineTableDecoders.lnotab(true),
                LineTableDecoders.linetable310(), LineTableDecoders.locationTable())) {
            LineTable table = decoder.decode(garbage, firstLine);

            assertThat(table.firstLine()).isEqualTo(firstLine);
            assertThat(table.rangeCount()).isLessThanOrEqualTo(garbage.length);
            table.lineAt(offset);
        }
    }

    @Property(tries = 1000)
    void lnotabAgreesWithCPythonOnAnyBytes(@ForAll @Size(max = 200) byte[] table,
            @ForAll @IntRange(min = -100_000, max = 100_000) int firstLine) {
        int end = 255 * table.length / 2 + PAST_END;
        for (boolean signed : new boolean[] {false, true}) {
            LineTable decoded = LineTableDecoders.lnotab(signed).decode(table, firstLine);
            for (int offset = 0; offset < end; offset++) {
                // co_lnotab has no "no line": whatever the sum, it is the line.
                assertThat(decoded.lineAt(offset)).as("offset %d of %s", offset, decoded)
                        .isEqualTo(CPythonAddr2Line.lnotab(table, firstLine, signed, offset));
            }
        }
    }

    @Property(tries = 1000)
    void linetable310AgreesWithCPythonOnAnyBytes(@ForAll @Size(max = 200) byte[] table,
            @ForAll @IntRange(min = -100_000, max = 100_000) int firstLine) {
        LineTable decoded = LineTableDecoders.linetable310().decode(table, firstLine);

        assertAgrees(decoded, 255 * table.length / 2 + PAST_END, firstLine,
                offset -> CPythonAddr2Line.linetable310(table, firstLine, offset));
    }

    @Property(tries = 1000)
    void locationTableAgreesWithCPythonOnAnyBytesStartingAnEntry(@ForAll @Size(min = 1, max = 300) byte[] table,
            @ForAll @IntRange(min = -100_000, max = 100_000) int firstLine) {
        // CPython asserts that a table starts with an entry byte; everything after that is arbitrary.
        table[0] |= (byte) 0x80;
        LineTable decoded = LineTableDecoders.locationTable().decode(table, firstLine);

        assertAgrees(decoded, 16 * table.length + PAST_END, firstLine,
                offset -> CPythonAddr2Line.locationTable(table, firstLine, offset));
    }

    /** CPython's answer with "no line" (-1) replaced by the closest preceding line, as LineTable documents. */
    private static void assertAgrees(LineTable decoded, int end, int firstLine, IntUnaryOperator cpython) {
        int known = firstLine;
        for (int offset = 0; offset < end; offset++) {
            int line = cpython.applyAsInt(offset);
            known = line == -1 ? known : line;
            assertThat(decoded.lineAt(offset)).as("offset %d of %s", offset, decoded).isEqualTo(known);
        }
    }
}
