// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.binaries.elf.ElfBinaryImage;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the symbol tables of binaries mapped in one target, reading each file as the target sees it, and keeps
 * them while the file stays mapped at the same place (parsing a libpython's symbols costs milliseconds).
 */
final class BinaryImages {
    private final LinuxTargetProcess target;
    private final ProcFs proc;
    private final Map<String, Loaded> loaded = new HashMap<>();

    BinaryImages(LinuxTargetProcess target, ProcFs proc) {
        this.target = target;
        this.proc = proc;
    }

    synchronized Optional<BinaryImage> image(String path) {
        List<MemoryRegion> mappings = target.regions().stream().filter(region -> region.path().equals(path)).toList();
        if (mappings.isEmpty()) {
            return Optional.empty();
        }
        Loaded cached = loaded.get(path);
        if (cached == null || !cached.mappings().equals(mappings)) {
            cached = new Loaded(mappings, ElfBinaryImage.load(fileToRead(path, mappings.get(0)), path, mappings));
            loaded.put(path, cached);
        }
        return Optional.of(cached.image());
    }

    /**
     * The main executable is read through {@code /proc/<pid>/exe}, which works even for a deleted or replaced
     * file; others through the target's root (its mount namespace), or, when that path no longer names the
     * mapped file, through {@code /proc/<pid>/map_files} (proc(5); root only).
     */
    private Path fileToRead(String path, MemoryRegion firstMapping) {
        if (path.equals(target.executablePath())) {
            return proc.dir().resolve("exe");
        }
        Path throughRoot = target.fileAsSeenByTarget(path);
        if (Files.isReadable(throughRoot)) {
            return throughRoot;
        }
        return proc.dir().resolve("map_files").resolve(Long.toHexString(firstMapping.start()) + "-"
                + Long.toHexString(firstMapping.end()));
    }

    /** A parsed image and the mappings it was relocated for. */
    private record Loaded(List<MemoryRegion> mappings, BinaryImage image) {
    }
}
