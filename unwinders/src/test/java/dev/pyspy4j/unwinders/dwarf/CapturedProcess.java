// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.dwarf;

import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.TargetProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A process that exists only as captured data: its memory map, some memory, and the files it mapped (a file the
 * capture kept is read from the fixture, any other path does not exist). Pausing does nothing: it stands still.
 */
final class CapturedProcess implements TargetProcess {
    private final ProcessMemory memory;
    private final List<MemoryRegion> regions;
    private final Map<String, Path> files;

    CapturedProcess(ProcessMemory memory, List<MemoryRegion> regions, Map<String, Path> files) {
        this.memory = memory;
        this.regions = List.copyOf(regions);
        this.files = Map.copyOf(files);
    }

    /** Parses {@code /proc/<pid>/maps} text. */
    static List<MemoryRegion> parseMaps(String maps) {
        List<MemoryRegion> regions = new ArrayList<>();
        for (String line : maps.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.trim().split("\\s+", 6);
            String[] range = fields[0].split("-");
            regions.add(new MemoryRegion(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16),
                    fields[1], Long.parseUnsignedLong(fields[2], 16), fields.length > 5 ? fields[5].trim() : ""));
        }
        return regions;
    }

    @Override
    public long pid() {
        return 1;
    }

    @Override
    public Platform platform() {
        return new Platform(OsFamily.LINUX, TargetArch.X86_64);
    }

    @Override
    public ProcessMemory memory() {
        return memory;
    }

    @Override
    public List<MemoryRegion> regions() {
        return regions;
    }

    @Override
    public List<NativeThread> threads() {
        return List.of();
    }

    @Override
    public String executablePath() {
        return files.keySet().stream().findFirst().orElse("");
    }

    @Override
    public List<String> commandLine() {
        return List.of();
    }

    @Override
    public Path fileAsSeenByTarget(String pathInTarget) {
        return files.getOrDefault(pathInTarget, Path.of("/nonexistent-captured-file" + pathInTarget));
    }

    @Override
    public Optional<BinaryImage> image(String path) {
        return Optional.empty();
    }

    @Override
    public PauseHandle pause() {
        return () -> { };
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public void close() {
    }
}
