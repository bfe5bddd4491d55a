// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

/**
 * The addresses {@code [start, end)} one FDE describes, as the binary records them (before load bias).
 *
 * @param start first address covered
 * @param end   first address after the range
 */
public record CodeRange(long start, long end) {
    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }
}
