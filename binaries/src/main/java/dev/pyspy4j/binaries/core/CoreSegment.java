// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.core;

/**
 * A memory region of the process a core file was made of ({@code PT_LOAD}).
 *
 * @param start       its first address
 * @param end         the address after its last byte
 * @param dumpedBytes how many of its bytes, from its start, the core holds (0 for a region left out)
 * @param flags       {@code PF_R} (4), {@code PF_W} (2) and {@code PF_X} (1)
 */
public record CoreSegment(long start, long end, long dumpedBytes, int flags) {
}
