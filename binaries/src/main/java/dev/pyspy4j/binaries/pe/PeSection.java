// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.pe;

/**
 * One section table entry ({@code IMAGE_SECTION_HEADER}).
 *
 * @param index 1-based, as COFF symbols and {@code llvm-readobj} number sections
 * @param name at most 8 bytes in an image: longer names are cut, so CPython's {@code PyRuntime} section is
 *        {@code PyRuntim}; a {@code /n} name (an offset into the COFF string table) is resolved when the file has one
 * @param virtualSize {@code VirtualSize}, its size in memory
 * @param virtualAddress {@code VirtualAddress}, an RVA
 * @param rawDataSize {@code SizeOfRawData}, its bytes in the file
 * @param rawDataOffset {@code PointerToRawData}
 */
public record PeSection(int index, String name, long virtualSize, long virtualAddress, long rawDataSize,
        long rawDataOffset, long characteristics) {
    /** Size of {@code IMAGE_SECTION_HEADER}. */
    static final int SIZE = 40;

    /** Whether {@code rva} lies in the part of the section backed by file bytes. */
    boolean containsInFile(long rva) {
        return rva >= virtualAddress && rva - virtualAddress < Math.min(rawDataSize, memorySize());
    }

    /** The bytes the section spans in memory; linkers that leave {@code VirtualSize} 0 mean the raw size. */
    public long memorySize() {
        return virtualSize == 0 ? rawDataSize : virtualSize;
    }
}
