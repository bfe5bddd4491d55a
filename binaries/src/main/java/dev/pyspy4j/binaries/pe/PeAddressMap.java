// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.pe;

import dev.pyspy4j.binaries.BoundedBytes;
import java.util.List;

/** Translates relative virtual addresses to file offsets through the section table. */
final class PeAddressMap {
    private final BoundedBytes bytes;
    private final List<PeSection> sections;

    PeAddressMap(BoundedBytes bytes, List<PeSection> sections) {
        this.bytes = bytes;
        this.sections = sections;
    }

    /** The file offset of {@code rva}, whose {@code length} bytes must lie in one section's file data. */
    long fileOffset(long rva, long length, String what) {
        PeSection section = sectionOf(rva, what);
        long offset = section.rawDataOffset() + (rva - section.virtualAddress());
        if (length > section.rawDataSize() - (rva - section.virtualAddress())) {
            throw bytes.malformed(String.format("%s at RVA 0x%x (%d bytes) runs past the end of section '%s'", what,
                    rva, length, section.name()));
        }
        bytes.requireRange(offset, length, what);
        return offset;
    }

    /** The NUL-terminated string at {@code rva}, which must end inside its section's file data. */
    String cString(long rva, String what) {
        PeSection section = sectionOf(rva, what);
        long offset = section.rawDataOffset() + (rva - section.virtualAddress());
        long end = section.rawDataOffset() + Math.min(section.rawDataSize(), section.memorySize());
        return bytes.cString(offset, end, what);
    }

    private PeSection sectionOf(long rva, String what) {
        for (PeSection section : sections) {
            if (section.containsInFile(rva)) {
                return section;
            }
        }
        throw bytes.malformed(String.format("%s at RVA 0x%x lies in no section's file data", what, rva));
    }
}
