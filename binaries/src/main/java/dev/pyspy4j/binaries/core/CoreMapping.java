// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.core;

/**
 * A file the process had mapped, from the core's {@code NT_FILE} note.
 *
 * @param start      the first address of the mapping
 * @param end        the address after its last byte
 * @param fileOffset where in the file the mapping starts, in bytes
 * @param path       the file's path, as the process saw it
 */
public record CoreMapping(long start, long end, long fileOffset, String path) {
    /** Whether {@code address} lies in the mapping. */
    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }
}
