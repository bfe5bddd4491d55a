// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

/**
 * Decodes the CPython 3.10 {@code co_linetable}: pairs of (unsigned byte-offset delta, signed line delta), where
 * a line delta of -128 marks a range without a line (Objects/lnotab_notes.txt of 3.10; {@code advance()} in
 * Objects/codeobject.c).
 */
final class Linetable310Decoder implements LineTableDecoder {
    private static final int NO_LINE_DELTA = -128;

    @Override
    public LineTable decode(byte[] table, int firstLine) {
        LineTableBuilder builder = new LineTableBuilder(firstLine);
        long address = 0;
        int line = firstLine;
        for (int i = 0; i + 1 < table.length; i += 2) {
            int addressDelta = table[i] & 0xff;
            boolean hasLine = table[i + 1] != NO_LINE_DELTA;
            line += hasLine ? table[i + 1] : 0;
            // A no-line pair still covers its bytes (py-spy skips its address delta and drifts); zero-width
            // pairs only carry line deltas, CPython's PyLineTable_NextAddressRange steps over them.
            if (addressDelta != 0) {
                if (hasLine && line != LineTableBuilder.NO_LINE) {
                    builder.range(address, line);
                }
                address += addressDelta;
            }
        }
        return builder.build();
    }
}
