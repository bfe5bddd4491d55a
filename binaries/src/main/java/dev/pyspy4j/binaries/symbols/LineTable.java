// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import java.util.Arrays;
import java.util.Optional;

/**
 * Address to source line from the rows of DWARF line programs: disjoint address ranges sorted by start, each with
 * a file (an index into the distinct file names) and a line. Immutable and thread-safe.
 */
final class LineTable {
    private static final LineTable EMPTY = new LineTable(new long[0], new long[0], new int[0], new int[0],
            new String[0]);

    private final long[] starts;
    private final long[] ends;
    private final int[] files;
    private final int[] lines;
    private final String[] fileNames;

    LineTable(long[] starts, long[] ends, int[] files, int[] lines, String[] fileNames) {
        this.starts = starts;
        this.ends = ends;
        this.files = files;
        this.lines = lines;
        this.fileNames = fileNames;
    }

    static LineTable empty() {
        return EMPTY;
    }

    /** The source line of the instruction at {@code fileAddress}. */
    Optional<SourceLine> at(long fileAddress) {
        int low = 0;
        int high = starts.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (Long.compareUnsigned(starts[middle], fileAddress) <= 0) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0 || Long.compareUnsigned(fileAddress, ends[found]) >= 0 || files[found] < 0) {
            return Optional.empty();
        }
        return Optional.of(new SourceLine(fileNames[files[found]], lines[found]));
    }

    /** How many address ranges the table holds. */
    int rangeCount() {
        return starts.length;
    }

    /** Collects ranges in any order, then sorts them by start, keeping the first of two that start together. */
    static final class Builder {
        private long[] starts = new long[1024];
        private long[] ends = new long[1024];
        private int[] files = new int[1024];
        private int[] lines = new int[1024];
        private int count;

        void add(long start, long end, int file, int line) {
            if (Long.compareUnsigned(end, start) <= 0) {
                return;
            }
            if (count == starts.length) {
                int capacity = count * 2;
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                files = Arrays.copyOf(files, capacity);
                lines = Arrays.copyOf(lines, capacity);
            }
            starts[count] = start;
            ends[count] = end;
            files[count] = file;
            lines[count] = line;
            count++;
        }

        LineTable build(String[] fileNames) {
            if (count == 0) {
                return EMPTY;
            }
            // sort indices by unsigned start (the sign flip makes signed order unsigned), stable for equal starts
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                keys[i] = starts[i] ^ Long.MIN_VALUE;
            }
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
            long[] sortedStarts = new long[count];
            long[] sortedEnds = new long[count];
            int[] sortedFiles = new int[count];
            int[] sortedLines = new int[count];
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int row = order[i];
                if (kept > 0 && Long.compareUnsigned(starts[row], sortedEnds[kept - 1]) < 0) {
                    // overlaps the previous range (a duplicate sequence): the earlier one stands, this one is cut
                    if (Long.compareUnsigned(ends[row], sortedEnds[kept - 1]) <= 0) {
                        continue;
                    }
                    sortedStarts[kept] = sortedEnds[kept - 1];
                } else {
                    sortedStarts[kept] = starts[row];
                }
                sortedEnds[kept] = ends[row];
                sortedFiles[kept] = files[row];
                sortedLines[kept] = lines[row];
                kept++;
            }
            return new LineTable(Arrays.copyOf(sortedStarts, kept), Arrays.copyOf(sortedEnds, kept),
                    Arrays.copyOf(sortedFiles, kept), Arrays.copyOf(sortedLines, kept), fileNames);
        }
    }
}
