// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.snapshot;

import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A process that no longer runs, replayed from a {@link MemorySnapshot}: its memory is a {@link FakeProcessMemory}. */
public final class ReplayTarget implements TargetProcess {
    private final MemorySnapshot snapshot;
    private final FakeProcessMemory memory = new FakeProcessMemory();

    public ReplayTarget(MemorySnapshot snapshot) {
        this.snapshot = snapshot;
        snapshot.chunks().forEach(memory::put);
    }

    @Override
    public long pid() {
        return snapshot.pid();
    }

    @Override
    public Platform platform() {
        // Snapshots are taken on Linux x86_64, the only platform with a process access provider so far.
        return new Platform(OsFamily.LINUX, TargetArch.X86_64);
    }

    @Override
    public ProcessMemory memory() {
        return memory;
    }

    @Override
    public List<MemoryRegion> regions() {
        return snapshot.regions();
    }

    @Override
    public List<NativeThread> threads() {
        return snapshot.threads();
    }

    @Override
    public String executablePath() {
        return snapshot.executable();
    }

    @Override
    public List<String> commandLine() {
        return List.of(snapshot.executable());
    }

    @Override
    public Path fileAsSeenByTarget(String pathInTarget) {
        return Path.of(pathInTarget);
    }

    @Override
    public Optional<BinaryImage> image(String path) {
        return snapshot.images().stream().filter(image -> image.path().equals(path)).findFirst()
                .map(ReplayTarget::replayed);
    }

    @Override
    public PauseHandle pause() {
        return () -> { };
    }

    @Override
    public boolean isAlive() {
        return false;
    }

    @Override
    public Map<Long, Long> osThreadIds(List<Long> threadHandles) {
        Map<Long, Long> mapped = new HashMap<>();
        for (long handle : threadHandles) {
            Long tid = snapshot.osThreadIds().get(handle);
            if (tid != null) {
                mapped.put(handle, tid);
            }
        }
        return mapped;
    }

    @Override
    public void close() {
    }

    private static BinaryImage replayed(MemorySnapshot.Image image) {
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
                return Optional.ofNullable(image.symbols().get(name));
            }

            @Override
            public Optional<Section> section(String name) {
                return Optional.ofNullable(image.sections().get(name));
            }
        };
    }
}
