// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.pe;

import dev.pyspy4j.binaries.BoundedBytes;
import dev.pyspy4j.binaries.NulTerminatedStrings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Translates relative virtual addresses to file offsets through the section table. */
final class PeAddressMap {
    private final BoundedBytes bytes;
    private final List<PeSection> sections;
    /** One scanner per section, so names that share a section's bytes scan them once. */
    private final Map<Integer, NulTerminatedStrings> stringsBySection = new HashMap<>();

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
        NulTerminatedStrings strings = stringsBySection.computeIfAbsent(section.index(), index ->
                new NulTerminatedStrings(bytes, section.rawDataOffset(),
                        Math.min(section.rawDataSize(), section.memorySize()), "section '" + section.name() + "'"));
        return strings.at(section.rawDataOffset() + (rva - section.virtualAddress()), what);
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
