// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.pe;

/**
 * The COFF file header and the parts of the PE32+ optional header this reader uses (the PE format specification,
 * "COFF File Header" and "Optional Header").
 *
 * @param machine {@code Machine}: {@link #IMAGE_FILE_MACHINE_AMD64}, {@link #IMAGE_FILE_MACHINE_ARM64}, ...
 * @param sectionCount {@code NumberOfSections}
 * @param symbolTableOffset {@code PointerToSymbolTable}, the COFF symbol table (0 when there is none)
 * @param symbolCount {@code NumberOfSymbols}; the string table follows the symbols
 * @param optionalHeaderSize {@code SizeOfOptionalHeader}
 * @param imageBase {@code ImageBase}: the preferred address of the image's first byte; RVAs are relative to the
 *        address the loader actually chose
 * @param sizeOfImage {@code SizeOfImage}, the bytes the loaded image spans
 * @param exportDirectoryRva the export table's entry of the data directories (0 when there are no exports)
 */
public record PeHeaders(int machine, int sectionCount, long timeDateStamp, long symbolTableOffset, long symbolCount,
        int optionalHeaderSize, int characteristics, long imageBase, long sizeOfImage, long exportDirectoryRva,
        long exportDirectorySize) {
    public static final int IMAGE_FILE_MACHINE_AMD64 = 0x8664;
    public static final int IMAGE_FILE_MACHINE_ARM64 = 0xaa64;
    /** {@code IMAGE_FILE_DLL} of {@code Characteristics}. */
    public static final int IMAGE_FILE_DLL = 0x2000;

    public boolean isDll() {
        return (characteristics & IMAGE_FILE_DLL) != 0;
    }
}
