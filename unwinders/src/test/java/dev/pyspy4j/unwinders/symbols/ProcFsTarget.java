// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.ProcessMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A live process seen through {@code /proc/<pid>/maps} and {@code /proc/<pid>/mem}, for the resolver's live tests
 * (this module may not use the real Linux provider). Needs the right to trace the process (root here).
 */
final class ProcFsTarget extends ResolverOnlyTarget {
    private final long pid;
    private final Path proc;

    ProcFsTarget(long pid) {
        this.pid = pid;
        this.proc = Path.of("/proc", Long.toString(pid));
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public Platform platform() {
        return Platform.current();
    }

    /** {@code start-end perms offset dev inode path}; the path is the rest of the line and may hold spaces. */
    @Override
    public List<MemoryRegion> regions() {
        List<MemoryRegion> regions = new ArrayList<>();
        for (String line : readLines(proc.resolve("maps"))) {
            String[] fields = line.trim().split("\\s+", 6);
            String[] range = fields[0].split("-");
            regions.add(new MemoryRegion(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16),
                    fields[1], Long.parseUnsignedLong(fields[2], 16), fields.length > 5 ? fields[5] : ""));
        }
        return regions;
    }

    @Override
    public ProcessMemory memory() {
        return (address, destination) -> {
            try (FileChannel memory = FileChannel.open(proc.resolve("mem"), StandardOpenOption.READ)) {
                ByteBuffer target = destination.duplicate();
                long position = address;
                while (target.hasRemaining()) {
                    int read = memory.read(target, position);
                    if (read <= 0) {
                        throw new SpyException(FailureKind.MEMORY_READ, String.format(
                                "cannot read 0x%x in process %d", position, pid));
                    }
                    position += read;
                }
            } catch (IOException e) {
                throw new SpyException(FailureKind.MEMORY_READ, String.format("cannot read 0x%x in process %d: %s",
                        address, pid, e.getMessage()), e);
            }
        };
    }

    @Override
    public Path fileAsSeenByTarget(String pathInTarget) {
        return Path.of(proc.resolve("root").toString() + pathInTarget);
    }

    @Override
    public boolean isAlive() {
        return Files.exists(proc);
    }

    @Override
    public void close() {
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
