// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.binaries.core.CoreMapping;
import dev.pyspy4j.binaries.elf.ElfConstants;
import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfProgramHeader;
import dev.pyspy4j.spi.SpyException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The permissions of a file mapping that a core file holds no segment for. gdb's {@code gcore} leaves out the
 * mappings it can read back from their files (code, above all), program header and all, so nothing in the core says
 * they were executable; the loader mapped each {@code PT_LOAD} segment of the file with that segment's flags, so the
 * segment holding the mapping's file offset tells. Without them a native unwind would not know a return address
 * lies in code.
 */
final class MappedFilePermissions {
    private static final String UNKNOWN = "r--p";
    private static final long PAGE_SIZE = 4096;

    private final Map<String, List<ElfProgramHeader>> loadsByPath = new HashMap<>();

    /** As {@code /proc/PID/maps} writes them, e.g. {@code r-xp}; {@code r--p} when the file cannot tell. */
    String of(CoreMapping mapping) {
        for (ElfProgramHeader load : loads(mapping.path())) {
            long first = load.p_offset & -PAGE_SIZE;
            if (Long.compareUnsigned(mapping.fileOffset(), first) >= 0
                    && Long.compareUnsigned(mapping.fileOffset(), load.p_offset + load.p_filesz) < 0) {
                return of(load.p_flags);
            }
        }
        return UNKNOWN;
    }

    private List<ElfProgramHeader> loads(String path) {
        return loadsByPath.computeIfAbsent(path, MappedFilePermissions::readLoads);
    }

    /** None when the file is gone, unreadable or not ELF: its mapping keeps the permissions nothing contradicts. */
    private static List<ElfProgramHeader> readLoads(String path) {
        if (!path.startsWith("/")) {
            return List.of();
        }
        try {
            return ElfFile.open(Path.of(path)).programHeaders().stream().filter(ElfProgramHeader::isLoadable)
                    .toList();
        } catch (SpyException | InvalidPathException e) {
            return List.of();
        }
    }

    /** ELF segment flags ({@code PF_R}, {@code PF_W}, {@code PF_X}) as {@code /proc/PID/maps} writes them. */
    static String of(long flags) {
        return ((flags & ElfConstants.PF_R) != 0 ? "r" : "-") + ((flags & ElfConstants.PF_W) != 0 ? "w" : "-")
                + ((flags & ElfConstants.PF_X) != 0 ? "x" : "-") + "p";
    }
}
