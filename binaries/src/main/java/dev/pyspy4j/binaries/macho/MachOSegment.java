// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.macho;

import java.util.List;

/**
 * One {@code LC_SEGMENT_64} load command ({@code segment_command_64}) with its sections.
 *
 * @param name {@code segname}, e.g. {@code __TEXT}; empty for the single segment of an object file
 * @param vmAddress {@code vmaddr}, the unslid virtual address
 * @param fileOffset {@code fileoff}, relative to the start of the image (of its slice in a universal binary)
 */
public record MachOSegment(String name, long vmAddress, long vmSize, long fileOffset, long fileSize, int maxProtection,
        int initialProtection, long flags, List<MachOSection> sections) {
    /** Size of {@code segment_command_64} without its sections. */
    static final int SIZE = 72;

    public MachOSegment {
        sections = List.copyOf(sections);
    }
}
