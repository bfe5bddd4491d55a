// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.spi.process.MemoryRegion;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where an image's {@code __TEXT} segment, which starts with its Mach-O header, is mapped: the region of the file
 * that maps file offset 0 (the lowest, if several do), else the file's lowest region.
 */
final class MachOImageHeaders {
    private MachOImageHeaders() {
    }

    static Optional<MemoryRegion> textRegion(List<MemoryRegion> regions, String path) {
        List<MemoryRegion> ofFile = regions.stream().filter(region -> region.path().equals(path))
                .sorted(Comparator.comparingLong(MemoryRegion::start)).toList();
        return ofFile.stream().filter(region -> region.fileOffset() == 0).findFirst()
                .or(() -> ofFile.stream().findFirst());
    }
}
