// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * CPython 3.10's {@code co_linetable} encoder, {@code assemble_line_range()} in Python/compile.c: one range per
 * run of equal lines, line jumps split into ±127 zero-width pairs, byte deltas over 254 split with the line delta
 * on the first piece only (-128 on every piece of a no-line range).
 */
final class Linetable310ReferenceEncoder {
    private static final int NO_LINE_DELTA = -128;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int previousLine;
    private int line;
    private int rangeStart;

    private Linetable310ReferenceEncoder(int firstLine) {
        previousLine = firstLine;
        line = firstLine;
    }

    static byte[] encode(int firstLine, List<Instruction> program) {
        Linetable310ReferenceEncoder encoder = new Linetable310ReferenceEncoder(firstLine);
        int offset = 0;
        for (Instruction instruction : program) {
            // assemble_lnotab(): a new range starts only where the line changes.
            if (instruction.line() != encoder.line) {
                encoder.lineRange(offset);
                encoder.line = instruction.line();
            }
            offset += instruction.bytes();
        }
        encoder.lineRange(offset);
        return encoder.out.toByteArray();
    }

    private void lineRange(int end) {
        int byteDelta = end - rangeStart;
        if (byteDelta == 0) {
            return;
        }
        int lineDelta;
        if (line < 0) {
            lineDelta = NO_LINE_DELTA;
        } else {
            lineDelta = line - previousLine;
            previousLine = line;
            for (; lineDelta > 127; lineDelta -= 127) {
                pair(0, 127);
            }
            for (; lineDelta < -127; lineDelta += 127) {
                pair(0, -127);
            }
        }
        for (; byteDelta > 254; byteDelta -= 254) {
            pair(254, lineDelta);
            lineDelta = line < 0 ? NO_LINE_DELTA : 0;
        }
        pair(byteDelta, lineDelta);
        rangeStart = end;
    }

    private void pair(int byteDelta, int lineDelta) {
        out.write(byteDelta);
        out.write(lineDelta);
    }
}
