// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

/**
 * Decodes {@code co_lnotab} (CPython 2.7 and 3.0-3.9): pairs of (bytecode increment, line increment) bytes, as
 * {@code PyCode_Addr2Line} in Objects/codeobject.c walks them.
 */
final class LnotabDecoder implements LineTableDecoder {
    private final boolean signedLineIncrements;

    /**
     * Line increments are unsigned before 3.6 (the compiler split a large jump into 255-steps) and signed int8
     * from 3.6 on (Objects/lnotab_notes.txt, "Negative line number deltas").
     */
    LnotabDecoder(boolean signedLineIncrements) {
        this.signedLineIncrements = signedLineIncrements;
    }

    @Override
    public LineTable decode(byte[] table, int firstLine) {
        LineTableBuilder builder = new LineTableBuilder(firstLine);
        long address = 0;
        int line = firstLine;
        for (int i = 0; i + 1 < table.length; i += 2) {
            int addressIncrement = table[i] & 0xff;
            if (addressIncrement != 0) {
                // The instructions before the next address take the line accumulated so far; a zero increment
                // only accumulates line deltas (a jump split over several pairs).
                builder.range(address, line);
                address += addressIncrement;
            }
            line += signedLineIncrements ? table[i + 1] : table[i + 1] & 0xff;
        }
        // PyCode_Addr2Line returns the accumulated line for every offset past the last pair.
        builder.range(address, line);
        return builder.build();
    }
}
