// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import java.util.Arrays;

/** Collects the address ranges a decoder walks and keeps only where the reported line changes. */
final class LineTableBuilder {
    /**
     * CPython's "no line" value of a range ({@code PyCodeAddressRange.ar_line}); 3.10+ report any range whose
     * line is -1 as having none ({@code co_lines()} gives None), however the -1 came about.
     */
    static final int NO_LINE = -1;

    private final int firstLine;
    private int[] starts = new int[16];
    private int[] lines = new int[16];
    private int count;

    LineTableBuilder(int firstLine) {
        this.firstLine = firstLine;
    }

    /**
     * Records that the range beginning at {@code start} has {@code line}. Decoders record only ranges of nonzero
     * width, in address order, so starts strictly increase; they skip ranges without a line, which keep the
     * preceding line.
     */
    void range(long start, int line) {
        if (start > Integer.MAX_VALUE || line == currentLine()) {
            return;
        }
        int offset = (int) start;
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lines = Arrays.copyOf(lines, count * 2);
        }
        starts[count] = offset;
        lines[count] = line;
        count++;
    }

    LineTable build() {
        return new LineTable(firstLine, Arrays.copyOf(starts, count), Arrays.copyOf(lines, count));
    }

    private int currentLine() {
        return count == 0 ? firstLine : lines[count - 1];
    }
}
