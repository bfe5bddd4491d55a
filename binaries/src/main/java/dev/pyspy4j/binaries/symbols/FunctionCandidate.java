// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import java.util.Comparator;

/**
 * One function symbol offered to a {@link FunctionTable}, with what decides between symbols at one address.
 *
 * @param name           the symbol's name, not empty
 * @param start          {@code st_value} (unsigned)
 * @param size           {@code st_size} (unsigned); 0 for a symbol without a size
 * @param sectionEnd     the first address after the section that holds the symbol, or {@code -1} (the top of the
 *                       unsigned address space) when unknown; bounds a symbol without a size
 * @param global         bound {@code STB_GLOBAL}, {@code STB_WEAK} or {@code STB_GNU_UNIQUE}: a name other objects link
 *                       against, rather than a file-local ({@code STB_LOCAL}) one
 * @param defaultVersion not marked hidden in {@code .gnu.version} ({@code name@@VER} or unversioned)
 */
record FunctionCandidate(String name, long start, long size, long sectionEnd, boolean global,
                         boolean defaultVersion) {
    /**
     * Which of several symbols starting at one address names it: the public name over a file-local one, the
     * default version over a hidden one, then the name with fewer leading underscores (glibc's {@code malloc} over
     * its alias {@code __libc_malloc}), then the shorter, then the alphabetically first name, then the larger size.
     * A total order, so the choice never depends on the order of the tables.
     */
    static final Comparator<FunctionCandidate> PREFERRED_FIRST = Comparator
            .comparing(FunctionCandidate::global).reversed()
            .thenComparing(Comparator.comparing(FunctionCandidate::defaultVersion).reversed())
            .thenComparingInt(candidate -> leadingUnderscores(candidate.name))
            .thenComparingInt(candidate -> candidate.name.length())
            .thenComparing(FunctionCandidate::name)
            .thenComparing(FunctionCandidate::size, Comparator.comparing((Long size) -> size, Long::compareUnsigned)
                    .reversed());

    boolean isSized() {
        return size != 0;
    }

    /** Whether {@code start + size} stays inside the 64-bit address space. */
    boolean fitsAddressSpace() {
        return size == 0 || Long.compareUnsigned(start + size, start) > 0;
    }

    private static int leadingUnderscores(String name) {
        int count = 0;
        while (count < name.length() && name.charAt(count) == '_') {
            count++;
        }
        return count;
    }
}
