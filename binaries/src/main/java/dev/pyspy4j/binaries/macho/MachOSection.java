// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.macho;

/**
 * One {@code section_64} of a segment ({@code <mach-o/loader.h>}).
 *
 * @param index the section's 1-based number over the whole image, as a symbol's {@code n_sect} counts it
 * @param segmentName {@code segname}, e.g. {@code __DATA}
 * @param name {@code sectname}, e.g. {@code PyRuntime}; both names are 16-byte fields, NUL-padded when shorter
 * @param address {@code addr}, the unslid virtual address
 * @param offset {@code offset}, the file offset of its bytes (none for zero-fill sections)
 * @param align {@code align}, a power of two's exponent
 */
public record MachOSection(int index, String segmentName, String name, long address, long size, long offset,
        long align, long flags) {
    /** Size of {@code section_64}. */
    static final int SIZE = 80;
    private static final int SECTION_TYPE = 0xff;
    private static final int S_ZEROFILL = 0x1;
    private static final int S_GB_ZEROFILL = 0xc;
    private static final int S_THREAD_LOCAL_ZEROFILL = 0x12;

    /** The section type, the low byte of {@code flags} ({@code S_REGULAR}, {@code S_ZEROFILL}, ...). */
    public int type() {
        return (int) (flags & SECTION_TYPE);
    }

    /** Whether the section has bytes in the file; zero-fill sections such as {@code __bss} occupy only memory. */
    public boolean hasFileData() {
        int type = type();
        return type != S_ZEROFILL && type != S_GB_ZEROFILL && type != S_THREAD_LOCAL_ZEROFILL;
    }
}
