// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

/**
 * Decodes the CPython 3.11+ location table ({@code co_linetable}, PEP 626/657; Objects/locations.md): entries
 * that start with a byte with bit 7 set, holding a 4-bit code and the entry's length in code units, followed by
 * varint line and column data. Mirrors {@code advance()} and {@code get_line_delta()} in Objects/codeobject.c.
 */
final class LocationTableDecoder implements LineTableDecoder {
    private static final int ENTRY_START = 0x80;
    private static final int CODE_NONE = 15;
    private static final int CODE_LONG = 14;
    private static final int CODE_NO_COLUMNS = 13;
    private static final int CODE_ONE_LINE_0 = 10;
    private static final int CODE_ONE_LINE_2 = 12;
    private static final int CODE_UNIT_BYTES = 2;

    @Override
    public LineTable decode(byte[] table, int firstLine) {
        LineTableBuilder builder = new LineTableBuilder(firstLine);
        long address = 0;
        int line = firstLine;
        int position = nextEntry(table, 0);
        while (position < table.length) {
            int first = table[position] & 0xff;
            int code = (first >> 3) & 15;
            line += lineDelta(table, position, code);
            if (code != CODE_NONE && line != LineTableBuilder.NO_LINE) {
                builder.range(address, line);
            }
            address += ((first & 7) + 1) * CODE_UNIT_BYTES;
            position = nextEntry(table, position + 1);
        }
        return builder.build();
    }

    private static int lineDelta(byte[] table, int position, int code) {
        if (code == CODE_LONG || code == CODE_NO_COLUMNS) {
            return signedVarint(table, position + 1);
        }
        if (code >= CODE_ONE_LINE_0 && code <= CODE_ONE_LINE_2) {
            return code - CODE_ONE_LINE_0;
        }
        // Short forms (0-9) stay on the line; "none" (15) has no line and keeps the computed one.
        return 0;
    }

    /** CPython's scan_signed_varint: the low bit of the unsigned varint is the sign. */
    private static int signedVarint(byte[] table, int position) {
        int value = varint(table, position);
        return (value & 1) != 0 ? -(value >>> 1) : value >>> 1;
    }

    /**
     * CPython's scan_varint: 6-bit groups, least significant first, bit 6 set on all but the last; stops at the
     * end of the table where CPython would read past it.
     */
    private static int varint(byte[] table, int start) {
        int position = start;
        int read = position < table.length ? table[position++] : 0;
        int value = read & 63;
        int shift = 0;
        while ((read & 64) != 0 && position < table.length) {
            read = table[position++];
            shift += 6;
            value |= (read & 63) << shift;
        }
        return value;
    }

    /** The next entry starts at the next byte with bit 7 set, as CPython's advance() skips. */
    private static int nextEntry(byte[] table, int position) {
        int next = position;
        while (next < table.length && (table[next] & ENTRY_START) == 0) {
            next++;
        }
        return next;
    }
}
