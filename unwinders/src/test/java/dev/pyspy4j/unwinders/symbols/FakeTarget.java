// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A target made of a memory map the test writes, files the test says where to read (as a container's
 * {@code /proc/<pid>/root} would), and in-memory bytes. Only what a symbol resolver uses is implemented.
 */
final class FakeTarget extends ResolverOnlyTarget {
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
    public boolean isAlive() {
        return true;
    }

    @Override
    public void close() {
    }
}
