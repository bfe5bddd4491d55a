// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

/**
 * Literal transliterations of CPython's per-query line lookups, rescanning the table for every offset as the C
 * code does: {@code PyCode_Addr2Line} of 2.7-3.9 (Objects/codeobject.c), and {@code _PyCode_CheckLineNumber}
 * with {@code PyLineTable_NextAddressRange}/{@code advance} of 3.10 and 3.11+. A slow, independent oracle for
 * arbitrary bytes; -1 is CPython's "no line".
 */
final class CPythonAddr2Line {
    private CPythonAddr2Line() {
    }

    static int lnotab(byte[] table, int firstLine, boolean signed, int offset) {
        int line = firstLine;
        int address = 0;
        for (int p = 0; p + 1 < table.length; p += 2) {
            address += table[p] & 0xff;
            if (address > offset) {
                break;
            }
            line += signed ? table[p + 1] : table[p + 1] & 0xff;
        }
        return line;
    }

    static int linetable310(byte[] table, int firstLine, int offset) {
        int computedLine = firstLine;
        int end = 0;
        int p = 0;
        while (p + 1 < table.length) {
            int start = end;
            end += table[p] & 0xff;
            int lineDelta = table[p + 1];
            p += 2;
            int line = -1;
            if (lineDelta != -128) {
                computedLine += lineDelta;
                line = computedLine;
            }
            if (start != end && start <= offset && offset < end) {
                return line;
            }
        }
        return -1;
    }

    static int locationTable(byte[] table, int firstLine, int offset) {
        int computedLine = firstLine;
        int end = 0;
        int p = 0;
        while (p < table.length) {
            int first = table[p] & 0xff;
            int code = (first >> 3) & 15;
            computedLine += lineDelta(table, p, code);
            int line = (first >> 3) == 0x1f ? -1 : computedLine;
            int start = end;
            end += ((first & 7) + 1) * 2;
            do {
                p++;
            } while (p < table.length && (table[p] & 128) == 0);
            if (start <= offset && offset < end) {
                return line;
            }
        }
        return -1;
    }

    private static int lineDelta(byte[] table, int p, int code) {
        switch (code) {
            case 13, 14:
                int value = varint(table, p + 1);
                return (value & 1) != 0 ? -(value >>> 1) : value >>> 1;
            case 10, 11, 12:
                return code - 10;
            default:
                return 0;
        }
    }

    private static int varint(byte[] table, int start) {
        int p = start;
        int read = p < table.length ? table[p++] : 0;
        int value = read & 63;
        int shift = 0;
        while ((read & 64) != 0 && p < table.length) {
            read = table[p++];
            shift += 6;
            value |= (read & 63) << shift;
        }
        return value;
    }
}
