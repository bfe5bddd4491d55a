// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.binaries.core.CoreFile;
import dev.pyspy4j.binaries.core.CoreMapping;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ProcessMemory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The memory of a process as its core file keeps it: what the core dumped, and for the pages it left out (code and
 * other read-only pages of mapped files, by default) the bytes of the file they were mapped from, as it is on this
 * machine now, unless it has changed since. A read that neither can give fails with MEMORY_READ naming the address
 * and the file.
 */
final class CoreMemory implements ProcessMemory, AutoCloseable {
    private final CoreFile core;
    private final MappedFileChanges changes;
    private final Map<String, FileChannel> files = new HashMap<>();

    CoreMemory(CoreFile core, MappedFileChanges changes) {
        this.core = core;
        this.changes = changes;
    }

    @Override
    public void read(long address, ByteBuffer dst) {
        long next = address;
        while (dst.hasRemaining()) {
            int piece = readPiece(next, dst);
            next += piece;
        }
    }

    /** Reads what one dumped run or one mapped file gives at {@code address}; returns how many bytes it read. */
    private int readPiece(long address, ByteBuffer dst) {
        Optional<ByteBuffer> dumped = core.dumpedFrom(address);
        if (dumped.isPresent()) {
            ByteBuffer source = dumped.get();
            int length = Math.min(source.remaining(), dst.remaining());
            dst.put(source.limit(length));
            return length;
        }
        CoreMapping mapping = core.mappingAt(address).orElseThrow(() -> new SpyException(FailureKind.MEMORY_READ,
                String.format("core file '%s' holds nothing at 0x%x", core.name(), address)));
        if (changes.hasChanged(mapping.path())) {
            throw new SpyException(FailureKind.MEMORY_READ, String.format("core file '%s' left out 0x%x, and '%s',"
                    + " mapped there, has changed since the core was made", core.name(), address, mapping.path()));
        }
        int length = (int) Math.min(dst.remaining(), mapping.end() - address);
        ByteBuffer into = dst.slice(dst.position(), length);
        long position = mapping.fileOffset() + (address - mapping.start());
        try {
            FileChannel file = file(mapping.path());
            while (into.hasRemaining()) {
                if (file.read(into, position + into.position()) < 0) {
                    throw new SpyException(FailureKind.MEMORY_READ, String.format("core file '%s' left out 0x%x,"
                            + " and '%s', mapped there, is shorter now than it was", core.name(), address,
                            mapping.path()));
                }
            }
        } catch (IOException e) {
            throw new SpyException(FailureKind.MEMORY_READ, String.format("core file '%s' left out 0x%x, and '%s',"
                    + " mapped there, cannot be read: %s", core.name(), address, mapping.path(), e.getMessage()), e);
        }
        dst.position(dst.position() + length);
        return length;
    }

    private FileChannel file(String path) throws IOException {
        FileChannel file = files.get(path);
        if (file == null) {
            file = FileChannel.open(Path.of(path));
            files.put(path, file);
        }
        return file;
    }

    @Override
    public void close() {
        for (FileChannel file : files.values()) {
            try {
                file.close();
            } catch (IOException e) {
                // Read-only: nothing is lost.
            }
        }
        files.clear();
    }
}
