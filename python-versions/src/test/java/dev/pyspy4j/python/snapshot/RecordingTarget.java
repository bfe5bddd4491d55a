// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.snapshot;

import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.TargetProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A live target that remembers what the walker took from it: memory through {@link RecordingMemory}, and the
 * memory map, threads and every symbol or section found in a binary. Does not own the live target.
 */
final class RecordingTarget implements TargetProcess {
    private final TargetProcess live;
    private final RecordingMemory memory;
    private final Map<String, MemorySnapshot.Image> images = new LinkedHashMap<>();
    private List<MemoryRegion> regions = List.of();
    private List<NativeThread> threads = List.of();
    private final Map<Long, Long> osThreadIds = new TreeMap<>();

    RecordingTarget(TargetProcess live) {
        this.live = live;
        this.memory = new RecordingMemory(live.memory());
    }

    /** What was taken so far from the process, which ran {@code program}. */
    MemorySnapshot snapshot(String program) {
        return new MemorySnapshot(live.pid(), live.executablePath(), program, regions, threads,
                new ArrayList<>(images.values()), memory.chunks(), osThreadIds);
    }

    @Override
    public long pid() {
        return live.pid();
    }

    @Override
    public Platform platform() {
        return live.platform();
    }

    @Override
    public ProcessMemory memory() {
        return memory;
    }

    @Override
    public List<MemoryRegion> regions() {
        regions = List.copyOf(live.regions());
        return regions;
    }

    @Override
    public List<NativeThread> threads() {
        threads = List.copyOf(live.threads());
        return threads;
    }

    @Override
    public String executablePath() {
        return live.executablePath();
    }

    @Override
    public List<String> commandLine() {
        return live.commandLine();
    }

    @Override
    public Path fileAsSeenByTarget(String pathInTarget) {
        return live.fileAsSeenByTarget(pathInTarget);
    }

    @Override
    public Optional<BinaryImage> image(String path) {
        return live.image(path).map(this::recording);
    }

    @Override
    public PauseHandle pause() {
        return live.pause();
    }

    @Override
    public boolean isAlive() {
        return live.isAlive();
    }

    @Override
    public Map<Long, Long> osThreadIds(List<Long> threadHandles) {
        Map<Long, Long> mapped = live.osThreadIds(threadHandles);
        osThreadIds.putAll(mapped);
        return mapped;
    }

    @Override
    public void close() {
        // The live target belongs to whoever attached it.
    }

    private BinaryImage recording(BinaryImage image) {
        MemorySnapshot.Image facts = images.computeIfAbsent(image.path(),
                path -> new MemorySnapshot.Image(path, image.loadBias(), new TreeMap<>(), new TreeMap<>()));
        return new BinaryImage() {
            @Override
            public String path() {
                return image.path();
            }

            @Override
            public long loadBias() {
                return image.loadBias();
            }

            @Override
            public Optional<Symbol> symbol(String name) {
                Optional<Symbol> found = image.symbol(name);
                found.ifPresent(symbol -> facts.symbols().put(name, symbol));
                return found;
            }

            @Override
            public Optional<Section> section(String name) {
                Optional<Section> found = image.section(name);
                found.ifPresent(section -> facts.sections().put(name, section));
                return found;
            }
        };
    }
}
