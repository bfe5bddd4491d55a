// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target made of a memory map the test writes, files the test says where to read (as a container's
 * {@code /proc/<pid>/root} would), and in-memory bytes. Only what a symbol resolver uses is implemented.
 */
final class FakeTarget implements TargetProcess {
    private final List<MemoryRegion> regions = new ArrayList<>();
    private final Map<String, Path> files = new HashMap<>();
    private final FakeProcessMemory memory = new FakeProcessMemory();
    private boolean mapUnreadable;
    private int regionReads;

    FakeTarget map(MemoryRegion region) {
        regions.add(region);
        return this;
    }

    /** Where this JVM reads the file the target knows as {@code pathInTarget}. */
    FakeTarget file(String pathInTarget, Path seenAt) {
        files.put(pathInTarget, seenAt);
        return this;
    }

    FakeTarget bytes(long address, byte[] bytes) {
        memory.put(address, bytes);
        return this;
    }

    void clearMap() {
        regions.clear();
    }

    void makeMapUnreadable() {
        mapUnreadable = true;
    }

    int regionReads() {
        return regionReads;
    }

    @Override
    public List<MemoryRegion> regions() {
        regionReads++;
        if (mapUnreadable) {
            throw new SpyException(FailureKind.PROCESS_EXITED, "process 4242 exited");
        }
        return List.copyOf(regions);
    }

    @Override
    public Path fileAsSeenByTarget(String pathInTarget) {
        return files.getOrDefault(pathInTarget, Path.of("/nonexistent-root" + pathInTarget));
    }

    @Override
    public ProcessMemory memory() {
        return memory;
    }

    @Override
    public long pid() {
        return 4242;
    }

    @Override
    public Platform platform() {
        return Platform.current();
    }

    @Override
    public List<NativeThread> threads() {
        throw new UnsupportedOperationException("a symbol resolver does not list threads");
    }

    @Override
    public String executablePath() {
        throw new UnsupportedOperationException("a symbol resolver does not ask for the executable");
    }

    @Override
    public List<String> commandLine() {
        throw new UnsupportedOperationException("a symbol resolver does not read the command line");
    }

    @Override
    public Optional<BinaryImage> image(String path) {
        throw new UnsupportedOperationException("a symbol resolver reads binaries itself");
    }

    @Override
    public PauseHandle pause() {
        throw new UnsupportedOperationException("a symbol resolver does not pause");
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public void close() {
    }
}
