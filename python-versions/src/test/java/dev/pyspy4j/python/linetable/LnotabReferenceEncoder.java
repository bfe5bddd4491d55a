// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * CPython's {@code co_lnotab} encoder, {@code assemble_lnotab()} in Python/compile.c: 2.7's and 3.3-3.5's
 * (unsigned line increments, both deltas split into 255-steps; lines never decrease; the function is the same in
 * the 3.3.7, 3.4.2 and 3.5.10 sources but for one {@code int} that became {@code Py_ssize_t}) and 3.6-3.9's
 * (signed increments, line jumps split into +127 or -128 steps, the address delta on the first pair of a split).
 */
final class LnotabReferenceEncoder {
    private final boolean signed;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int lastLine;
    private int lastLineOffset;

    private LnotabReferenceEncoder(boolean signed, int firstLine) {
        this.signed = signed;
        this.lastLine = firstLine;
    }

    static byte[] encode(boolean signed, int firstLine, List<Instruction> program) {
        LnotabReferenceEncoder encoder = new LnotabReferenceEncoder(signed, firstLine);
        int offset = 0;
        for (Instruction instruction : program) {
            encoder.lineAt(offset, instruction.line());
            offset += instruction.bytes();
        }
        return encoder.out.toByteArray();
    }

    private void lineAt(int offset, int line) {
        int addressDelta = offset - lastLineOffset;
        int lineDelta = line - lastLine;
        if (lineDelta == 0) {
            return;
        }
        while (addressDelta > 255) {
            pair(255, 0);
            addressDelta -= 255;
        }
        if (signed) {
            addressDelta = splitSignedLineDelta(addressDelta, lineDelta);
            lineDelta = remainingSignedDelta(lineDelta);
        } else {
            while (lineDelta > 255) {
                pair(addressDelta, 255);
                addressDelta = 0;
                lineDelta -= 255;
            }
        }
        pair(addressDelta, lineDelta);
        lastLine = line;
        lastLineOffset = offset;
    }

    /** 3.6+: {@code ncodes} pairs of k = 127 or -128, the first carrying the address delta. */
    private int splitSignedLineDelta(int addressDelta, int lineDelta) {
        if (lineDelta >= -128 && lineDelta <= 127) {
            return addressDelta;
        }
        int k = lineDelta < 0 ? -128 : 127;
        int codes = lineDelta < 0 ? -lineDelta / 128 : lineDelta / 127;
        pair(addressDelta, k);
        for (int j = 1; j < codes; j++) {
            pair(0, k);
        }
        return 0;
    }

    private static int remainingSignedDelta(int lineDelta) {
        if (lineDelta >= -128 && lineDelta <= 127) {
            return lineDelta;
        }
        return lineDelta < 0 ? lineDelta + (-lineDelta / 128) * 128 : lineDelta - (lineDelta / 127) * 127;
    }

    private void pair(int addressDelta, int lineDelta) {
        out.write(addressDelta);
        out.write(lineDelta);
    }
}
