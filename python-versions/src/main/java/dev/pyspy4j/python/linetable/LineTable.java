// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import java.util.Arrays;

/**
 * The decoded line numbers of one code object: an immutable step function from bytecode byte offset to source
 * line, kept as sorted breakpoints ({@code starts[i]} is where {@code lines[i]} begins) for a binary search.
 */
public final class LineTable {
    private final int firstLine;
    private final int[] starts;
    private final int[] lines;

    LineTable(int firstLine, int[] starts, int[] lines) {
        this.firstLine = firstLine;
        this.starts = starts;
        this.lines = lines;
    }

    /**
     * The line CPython reports for the instruction at {@code byteOffset} bytes from the start of the bytecode
     * ({@code PyCode_Addr2Line}). Where CPython has no line for it (a "no location" entry, or an offset past
     * the end of the table) this is the line of the closest preceding entry that has one; before the first
     * such entry, and for negative offsets (as {@code PyCode_Addr2Line} does), it is {@code co_firstlineno}.
     */
    public int lineAt(int byteOffset) {
        int index = Arrays.binarySearch(starts, byteOffset);
        if (index < 0) {
            index = -index - 2;
        }
        return index < 0 ? firstLine : lines[index];
    }

    /** The {@code co_firstlineno} the table was decoded with. */
    public int firstLine() {
        return firstLine;
    }

    /** How many line changes the table holds (ranges of consecutive offsets with one line). */
    public int rangeCount() {
        return starts.length;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("LineTable[first=").append(firstLine);
        for (int i = 0; i < starts.length; i++) {
            text.append(i == 0 ? "; " : ", ").append(starts[i]).append("->").append(lines[i]);
        }
        return text.append(']').toString();
    }
}
