// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.fake;

import java.io.ByteArrayOutputStream;

/**
 * Writes 3.11+ location tables in the "no column" long form (code 13: a signed varint line delta per entry of up
 * to 8 code units), enough to give fake code objects known lines.
 */
public final class LocationTableWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int line;

    public LocationTableWriter(int firstLine) {
        this.line = firstLine;
    }

    /** The next {@code units} code units (2 bytes each) are on {@code newLine}. */
    public LocationTableWriter range(int units, int newLine) {
        int remaining = units;
        while (remaining > 0) {
            int chunk = Math.min(8, remaining);
            out.write(0x80 | (13 << 3) | (chunk - 1));
            writeSigned(newLine - line);
            line = newLine;
            remaining -= chunk;
        }
        return this;
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    private void writeSigned(int value) {
        writeVarint(value < 0 ? ((-value) << 1) | 1 : value << 1);
    }

    private void writeVarint(int value) {
        int rest = value;
        while (rest >= 64) {
            out.write(0x40 | (rest & 63));
            rest >>>= 6;
        }
        out.write(rest);
    }
}
