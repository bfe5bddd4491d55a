// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * CPython 3.11+'s location table encoder, {@code write_location_info_entry()} in Python/compile.c (3.11) and
 * Python/assemble.c (3.12+): entries of at most 8 code units in the short, one-line, no-column, long or
 * no-location form, line deltas relative to the last line written.
 */
final class LocationTableReferenceEncoder {
    private static final int SHORT_0 = 0;
    private static final int ONE_LINE_0 = 10;
    private static final int NO_COLUMNS = 13;
    private static final int LONG = 14;
    private static final int NONE = 15;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int lastLine;

    private LocationTableReferenceEncoder(int firstLine) {
        lastLine = firstLine;
    }

    static byte[] encode(int firstLine, List<Instruction> program) {
        LocationTableReferenceEncoder encoder = new LocationTableReferenceEncoder(firstLine);
        for (Instruction instruction : program) {
            // assemble_emit_location(): instructions longer than 8 code units repeat their entry.
            int units = instruction.bytes() / 2;
            for (; units > 8; units -= 8) {
                encoder.entry(instruction, 8);
            }
            encoder.entry(instruction, units);
        }
        return encoder.out.toByteArray();
    }

    private void entry(Instruction at, int length) {
        if (at.line() < 0) {
            first(NONE, length);
            return;
        }
        int lineDelta = at.line() - lastLine;
        int column = at.column();
        int endColumn = at.endColumn();
        if (column < 0 || endColumn < 0) {
            if (at.endLine() == at.line() || at.endLine() == -1) {
                first(NO_COLUMNS, length);
                signedVarint(lineDelta);
                lastLine = at.line();
                return;
            }
        } else if (at.endLine() == at.line()) {
            if (lineDelta == 0 && column < 80 && endColumn - column < 16 && endColumn >= column) {
                first(SHORT_0 + (column >> 3), length);
                out.write(((column & 7) << 4) | (endColumn - column));
                return;
            }
            if (lineDelta >= 0 && lineDelta < 3 && column < 128 && endColumn < 128) {
                first(ONE_LINE_0 + lineDelta, length);
                out.write(column);
                out.write(endColumn);
                lastLine = at.line();
                return;
            }
        }
        first(LONG, length);
        signedVarint(lineDelta);
        varint(at.endLine() - at.line());
        varint(column + 1);
        varint(endColumn + 1);
        lastLine = at.line();
    }

    private void first(int code, int length) {
        out.write(0x80 | (code << 3) | (length - 1));
    }

    private void signedVarint(int value) {
        varint(value < 0 ? ((-value) << 1) | 1 : value << 1);
    }

    private void varint(int value) {
        int rest = value;
        while (Integer.compareUnsigned(rest, 64) >= 0) {
            out.write(64 | (rest & 63));
            rest >>>= 6;
        }
        out.write(rest);
    }
}
