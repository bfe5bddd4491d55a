// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.unwinders.cfi.CodeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The split-off cold parts of one binary that {@link ColdPartScanner} could attribute to a named function: disjoint
 * address ranges (file addresses) sorted by start, each with the linkage name of the function it belongs to.
 * Immutable.
 */
final class ColdParts {
    static final ColdParts NONE = new ColdParts(new long[0], new long[0], new String[0]);

    /** The suffix GCC gives the symbol of a function's cold part ({@code foo.cold}). */
    static final String SUFFIX = ".cold";

    private final long[] starts;
    private final long[] ends;
    private final String[] owners;

    private ColdParts(long[] starts, long[] ends, String[] owners) {
        this.starts = starts;
        this.ends = ends;
        this.owners = owners;
    }

    /** Parts from ranges sorted by start and disjoint, and the owner of each. */
    static ColdParts of(List<CodeRange> ranges, List<String> ownerNames) {
        if (ranges.isEmpty()) {
            return NONE;
        }
        long[] starts = new long[ranges.size()];
        long[] ends = new long[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            starts[i] = ranges.get(i).start();
            ends[i] = ranges.get(i).end();
        }
        return new ColdParts(starts, ends, ownerNames.toArray(String[]::new));
    }

    /** These parts without those whose range fails {@code keep}. */
    ColdParts retaining(Predicate<CodeRange> keep) {
        List<CodeRange> ranges = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            CodeRange range = new CodeRange(starts[i], ends[i]);
            if (keep.test(range)) {
                ranges.add(range);
                kept.add(owners[i]);
            }
        }
        return ranges.size() == starts.length ? this : of(ranges, kept);
    }

    /** The linkage name of the function whose cold part holds {@code fileAddress}. */
    Optional<String> ownerAt(long fileAddress) {
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
        return found >= 0 && Long.compareUnsigned(fileAddress, ends[found]) < 0
                ? Optional.of(owners[found]) : Optional.empty();
    }

    int size() {
        return starts.length;
    }
}
