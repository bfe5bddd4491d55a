// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.binaries.macho.MachOBinaryImage;
import dev.pyspy4j.binaries.macho.MachOCpu;
import dev.pyspy4j.binaries.macho.MachOFile;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.ProcessMemory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Loads the Mach-O images mapped in one target: the file at its path (the slice for the CPU its mapped header
 * names, when the file is universal), slid by where its {@code __TEXT} segment is mapped minus the segment's
 * {@code vmaddr}. An image is kept while it stays mapped at the same place.
 */
final class MachOImages {
    private final Supplier<List<MemoryRegion>> regions;
    private final ProcessMemory memory;
    private final MachOCpu defaultCpu;
    private final Map<String, Loaded> loaded = new HashMap<>();

    MachOImages(Supplier<List<MemoryRegion>> regions, ProcessMemory memory, MachOCpu defaultCpu) {
        this.regions = regions;
        this.memory = memory;
        this.defaultCpu = defaultCpu;
    }

    synchronized Optional<BinaryImage> image(String path) {
        Optional<MemoryRegion> text = MachOImageHeaders.textRegion(regions.get(), path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long headerAddress = text.get().start();
        Loaded cached = loaded.get(path);
        if (cached == null || cached.headerAddress() != headerAddress) {
            MachOCpu cpu = MachOCpus.ofMappedHeader(memory, headerAddress).orElse(defaultCpu);
            MachOFile file = MachOFile.open(Path.of(path), cpu);
            BinaryImage image = new MachOInterpreterImage(MachOBinaryImage.of(file, path, file.slide(headerAddress)));
            cached = new Loaded(headerAddress, image);
            loaded.put(path, cached);
        }
        return Optional.of(cached.image());
    }

    private record Loaded(long headerAddress, BinaryImage image) {
    }
}
