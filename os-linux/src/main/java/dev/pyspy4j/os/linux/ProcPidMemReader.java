// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.spi.process.ProcessMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads another process's memory by positional reads of {@code /proc/<pid>/mem} (proc(5)); the file offset is the
 * address. Slower than {@code process_vm_readv}, kept for kernels without it. Thread-safe (positional reads).
 */
final class ProcPidMemReader implements ProcessMemory, AutoCloseable {
    private final long pid;
    private final Path file;
    private FileChannel channel;

    ProcPidMemReader(long pid) {
        this.pid = pid;
        this.file = ProcFs.ROOT.resolve(Long.toString(pid)).resolve("mem");
    }

    @Override
    public synchronized void read(long address, ByteBuffer dst) {
        int length = dst.remaining();
        if (length == 0) {
            return;
        }
        if (address < 0) {
            // Offsets are signed: the upper half of the address space is the kernel's and never readable.
            throw ProcessMemoryFailures.unreadable(pid, address, length);
        }
        ByteBuffer window = dst.duplicate();
        try {
            FileChannel open = channel();
            while (window.hasRemaining()) {
                if (open.read(window, address + window.position() - dst.position()) <= 0) {
                    throw Files.exists(file) ? ProcessMemoryFailures.unreadable(pid, address, length)
                            : ProcessMemoryFailures.exited(pid);
                }
            }
        } catch (IOException e) {
            throw translate(e, address, length);
        }
    }

    @Override
    public ByteOrder byteOrder() {
        return ByteOrder.nativeOrder();
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        return channel;
    }

    private RuntimeException translate(IOException e, long address, int length) {
        if (e instanceof NoSuchFileException || !Files.exists(file)) {
            return ProcessMemoryFailures.exited(pid);
        }
        if (e instanceof AccessDeniedException) {
            return ProcessMemoryFailures.permissionDenied(pid, e);
        }
        // read(2) of an unmapped range of /proc/<pid>/mem fails with EIO.
        return ProcessMemoryFailures.unreadable(pid, address, length);
    }
}
