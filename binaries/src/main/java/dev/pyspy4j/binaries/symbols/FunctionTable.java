// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Address to function for one binary, in the binary's file (link-time) addresses. Built once from every function
 * symbol the binary and its debug files carry, then answered by a binary search over sorted primitive arrays.
 *
 * <p>Which symbol names an address:
 * <ul>
 *   <li>a symbol with a size names the addresses {@code [start, start + size)}; where several such ranges hold an
 *       address (an alternate entry point inside a function), the one that starts last, the innermost, names it;</li>
 *   <li>a symbol without a size names an address only when it is the nearest symbol before the address and no symbol
 *       with a size holds it, and only inside its own section. Hand-written assembly often lacks {@code .size}
 *       (glibc's {@code _start}, some string functions), and its code runs from its label to the next label; but an
 *       address past the end of a sized function that a size-0 label precedes is padding or unknown code, and
 *       naming it after that label would be a guess;</li>
 *   <li>at one start address, {@link FunctionCandidate#PREFERRED_FIRST} picks among aliases.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
final class FunctionTable {
    private static final FunctionTable EMPTY = new FunctionTable(new long[0], new long[0], new int[0],
            new String[0], new long[0], new long[0]);

    /** Disjoint ranges sorted by start: {@code [rangeStarts[i], rangeEnds[i])} belongs to symbol {@code owners[i]}. */
    private final long[] rangeStarts;
    private final long[] rangeEnds;
    private final int[] owners;
    private final String[] names;
    private final long[] starts;
    private final long[] sizes;

    private FunctionTable(long[] rangeStarts, long[] rangeEnds, int[] owners, String[] names, long[] starts,
            long[] sizes) {
        this.rangeStarts = rangeStarts;
        this.rangeEnds = rangeEnds;
        this.owners = owners;
        this.names = names;
        this.starts = starts;
        this.sizes = sizes;
    }

    static FunctionTable empty() {
        return EMPTY;
    }

    /** The table of {@code candidates}; duplicates (one symbol in {@code .dynsym} and {@code .symtab}) are merged. */
    static FunctionTable of(Collection<FunctionCandidate> candidates) {
        List<FunctionCandidate> symbols = candidates.stream()
                .filter(FunctionCandidate::fitsAddressSpace)
                .distinct()
                .sorted(Comparator.comparing(FunctionCandidate::start, Long::compareUnsigned))
                .toList();
        if (symbols.isEmpty()) {
            return EMPTY;
        }
        long[] ends = ends(symbols);
        return sweep(symbols, ends);
    }

    /** The symbol that names {@code fileAddress}, if any. */
    Optional<FunctionSymbol> at(long fileAddress) {
        int range = lastRangeStartingAtOrBefore(fileAddress);
        if (range < 0 || Long.compareUnsigned(fileAddress, rangeEnds[range]) >= 0) {
            return Optional.empty();
        }
        int owner = owners[range];
        return Optional.of(new FunctionSymbol(names[owner], starts[owner], sizes[owner]));
    }

    /** The symbols that name at least one address, by start address. */
    List<FunctionSymbol> functions() {
        List<FunctionSymbol> functions = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            functions.add(new FunctionSymbol(names[i], starts[i], sizes[i]));
        }
        functions.sort(Comparator.comparing(FunctionSymbol::start, Long::compareUnsigned));
        return functions;
    }

    /** How many distinct symbols name at least one address. */
    int functionCount() {
        return names.length;
    }

    private int lastRangeStartingAtOrBefore(long address) {
        int low = 0;
        int high = rangeStarts.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (Long.compareUnsigned(rangeStarts[middle], address) <= 0) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    /**
     * The exclusive end of each symbol's claim: {@code start + size}; for a symbol without a size the next
     * symbol's start, capped at the end of its section, or nothing at all when a sized alias starts at the same
     * address (that alias says where the function ends).
     */
    private static long[] ends(List<FunctionCandidate> byStart) {
        long[] ends = new long[byStart.size()];
        int groupStart = 0;
        while (groupStart < byStart.size()) {
            long start = byStart.get(groupStart).start();
            int groupEnd = groupStart;
            boolean sizedAlias = false;
            while (groupEnd < byStart.size() && byStart.get(groupEnd).start() == start) {
                sizedAlias |= byStart.get(groupEnd).isSized();
                groupEnd++;
            }
            long nextStart = groupEnd < byStart.size() ? byStart.get(groupEnd).start() : -1L;
            for (int i = groupStart; i < groupEnd; i++) {
                FunctionCandidate symbol = byStart.get(i);
                if (symbol.isSized()) {
                    ends[i] = start + symbol.size();
                } else {
                    ends[i] = sizedAlias ? start : unsignedMin(nextStart, symbol.sectionEnd());
                }
            }
            groupStart = groupEnd;
        }
        return ends;
    }

    /**
     * Walks the boundaries in address order keeping the symbols that hold the current address in a heap whose top
     * is the one that names it: sized over unsized, then the latest start, then the preferred alias. Symbols that
     * ended are dropped when they reach the top.
     */
    private static FunctionTable sweep(List<FunctionCandidate> byStart, long[] ends) {
        long[] boundaries = sortedUniqueBoundaries(byStart, ends);
        PriorityQueue<Integer> holding = new PriorityQueue<>(namingOrder(byStart));
        List<long[]> ranges = new ArrayList<>();
        int nextSymbol = 0;
        for (int b = 0; b < boundaries.length - 1; b++) {
            long here = boundaries[b];
            while (nextSymbol < byStart.size() && byStart.get(nextSymbol).start() == here) {
                if (Long.compareUnsigned(ends[nextSymbol], here) > 0) {
                    holding.add(nextSymbol);
                }
                nextSymbol++;
            }
            while (!holding.isEmpty() && Long.compareUnsigned(ends[holding.peek()], here) <= 0) {
                holding.poll();
            }
            if (holding.isEmpty()) {
                continue;
            }
            int owner = holding.peek();
            long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last[2] == owner && last[1] == here) {
                last[1] = boundaries[b + 1];
            } else {
                ranges.add(new long[] {here, boundaries[b + 1], owner});
            }
        }
        return compact(byStart, ranges);
    }

    private static Comparator<Integer> namingOrder(List<FunctionCandidate> byStart) {
        Comparator<FunctionCandidate> order = Comparator
                .comparing(FunctionCandidate::isSized).reversed()
                .thenComparing(FunctionCandidate::start, (a, b) -> Long.compareUnsigned(b, a))
                .thenComparing(FunctionCandidate.PREFERRED_FIRST);
        return Comparator.comparing(byStart::get, order);
    }

    private static long[] sortedUniqueBoundaries(List<FunctionCandidate> byStart, long[] ends) {
        long[] points = new long[2 * byStart.size()];
        for (int i = 0; i < byStart.size(); i++) {
            // Flipping the sign bit makes signed order the unsigned order of addresses.
            points[2 * i] = byStart.get(i).start() ^ Long.MIN_VALUE;
            points[2 * i + 1] = ends[i] ^ Long.MIN_VALUE;
        }
        Arrays.sort(points);
        int unique = 0;
        for (int i = 0; i < points.length; i++) {
            if (unique == 0 || points[unique - 1] != points[i]) {
                points[unique++] = points[i];
            }
        }
        long[] boundaries = Arrays.copyOf(points, unique);
        for (int i = 0; i < boundaries.length; i++) {
            boundaries[i] ^= Long.MIN_VALUE;
        }
        return boundaries;
    }

    /** Keeps only the symbols that own a range, renumbered, and the ranges as primitive arrays. */
    private static FunctionTable compact(List<FunctionCandidate> byStart, List<long[]> ranges) {
        int[] renumbered = new int[byStart.size()];
        Arrays.fill(renumbered, -1);
        List<FunctionCandidate> kept = new ArrayList<>();
        long[] rangeStarts = new long[ranges.size()];
        long[] rangeEnds = new long[ranges.size()];
        int[] owners = new int[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            long[] range = ranges.get(i);
            int symbol = (int) range[2];
            if (renumbered[symbol] < 0) {
                renumbered[symbol] = kept.size();
                kept.add(byStart.get(symbol));
            }
            rangeStarts[i] = range[0];
            rangeEnds[i] = range[1];
            owners[i] = renumbered[symbol];
        }
        String[] names = new String[kept.size()];
        long[] starts = new long[kept.size()];
        long[] sizes = new long[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            names[i] = kept.get(i).name();
            starts[i] = kept.get(i).start();
            sizes[i] = kept.get(i).size();
        }
        return new FunctionTable(rangeStarts, rangeEnds, owners, names, starts, sizes);
    }

    private static long unsignedMin(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }
}
