// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.macho;

/**
 * The {@code mach_header_64} of a thin image ({@code <mach-o/loader.h>}).
 *
 * @param cpuType {@code cputype}, e.g. {@link MachOCpu#X86_64}'s
 * @param fileType {@code MH_EXECUTE} (2), {@code MH_DYLIB} (6), {@code MH_OBJECT} (1), ...
 * @param commandCount {@code ncmds}
 * @param commandsSize {@code sizeofcmds}, the bytes of load commands after the header
 */
public record MachOHeader(int cpuType, int cpuSubtype, long fileType, long commandCount, long commandsSize,
        long flags) {
    /** Size of {@code mach_header_64}. */
    static final int SIZE = 32;
    static final long MH_MAGIC_64 = 0xfeed_facfL;
    static final long MH_MAGIC = 0xfeed_faceL;
    static final long MH_CIGAM_64 = 0xcffa_edfeL;
    static final long MH_CIGAM = 0xcefa_edfeL;

    public static final long MH_OBJECT = 1;
    public static final long MH_EXECUTE = 2;
    public static final long MH_DYLIB = 6;
}
