// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import dev.pyspy4j.binaries.elf.ElfBinaryImage;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The symbol tables of ELF binaries mapped in one target, relocated by the load bias the ELF reader computes from
 * the file's mappings (the mapping holding the first PT_LOAD segment), kept while the file stays mapped at the same
 * place: parsing a libpython's symbols costs milliseconds.
 */
final class BinaryImages {
    private final Supplier<List<MemoryRegion>> regions;
    private final Function<String, Path> fileToRead;
    private final Map<String, Loaded> loaded = new HashMap<>();

    /**
     * @param regions    the target's current mappings
     * @param fileToRead where this process reads a file the target maps
     */
    BinaryImages(Supplier<List<MemoryRegion>> regions, Function<String, Path> fileToRead) {
        this.regions = regions;
        this.fileToRead = fileToRead;
    }

    synchronized Optional<BinaryImage> image(String path) {
        List<MemoryRegion> mappings = regions.get().stream().filter(region -> region.path().equals(path)).toList();
        if (mappings.isEmpty()) {
            return Optional.empty();
        }
        Loaded cached = loaded.get(path);
        if (cached == null || !cached.mappings().equals(mappings)) {
            cached = new Loaded(mappings, ElfBinaryImage.load(fileToRead.apply(path), path, mappings));
            loaded.put(path, cached);
        }
        return Optional.of(cached.image());
    }

    /** A parsed image and the mappings it was relocated for. */
    private record Loaded(List<MemoryRegion> mappings, BinaryImage image) {
    }
}
