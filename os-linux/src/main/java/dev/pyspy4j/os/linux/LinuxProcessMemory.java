// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static dev.pyspy4j.os.linux.jna.LinuxCalls.IOV_MAX;

import dev.pyspy4j.os.linux.jna.Errno;
import dev.pyspy4j.os.linux.jna.LinuxCalls;
import dev.pyspy4j.os.linux.jna.NativeCallException;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.List;

/**
 * Reads another process's memory with {@code process_vm_readv(2)}: up to {@code IOV_MAX} ranges per system call,
 * direct buffers filled in place, heap buffers through one reused native scratch area, and no allocation per
 * read. Falls back to {@code /proc/<pid>/mem} only where the kernel lacks the call (ENOSYS).
 * Thread-safe (reads are serialised), though one sampler thread is the expected user.
 */
public final class LinuxProcessMemory implements ProcessMemory, AutoCloseable {
    private final int pid;
    private final IovecTable iovecs = new IovecTable();
    private final DirectBufferAddresses directAddresses = new DirectBufferAddresses();
    private final long[] scratchOffsets = new long[IOV_MAX];
    private ProcPidMemReader fallback;
    private boolean closed;

    public LinuxProcessMemory(long pid) {
        this.pid = Math.toIntExact(pid);
    }

    @Override
    public synchronized void read(long address, ByteBuffer dst) {
        checkOpen();
        if (fallback != null) {
            fallback.read(address, dst);
            return;
        }
        int length = dst.remaining();
        if (length == 0) {
            return;
        }
        iovecs.ensureScratch(dst.isDirect() ? 0 : length);
        stage(0, address, dst, 0);
        long copied = transfer(1);
        if (copied == ProcessMemoryFailures.USE_FALLBACK) {
            fallback.read(address, dst);
            return;
        }
        if (copied < length) {
            throw ProcessMemoryFailures.unreadable(pid, address, length);
        }
        unstage(0, dst);
    }

    @Override
    public synchronized void readAll(List<ReadRequest> requests) {
        checkOpen();
        for (int from = 0; from < requests.size(); from += IOV_MAX) {
            if (fallback != null) {
                fallback.readAll(requests.subList(from, requests.size()));
                return;
            }
            readChunk(requests.subList(from, Math.min(requests.size(), from + IOV_MAX)));
        }
    }

    @Override
    public ByteOrder byteOrder() {
        return ByteOrder.nativeOrder();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        iovecs.close();
        if (fallback != null) {
            fallback.close();
        }
    }

    /** The native iovec memory is freed on close; writing to it afterwards would corrupt the JVM's heap. */
    private void checkOpen() {
        if (closed) {
            throw new SpyException(FailureKind.INTERNAL, "the memory of process " + pid + " was closed");
        }
    }

    private void readChunk(List<ReadRequest> chunk) {
        long heapBytes = 0;
        for (ReadRequest request : chunk) {
            heapBytes += request.target().isDirect() ? 0 : request.target().remaining();
        }
        iovecs.ensureScratch(heapBytes);
        long scratchOffset = 0;
        long total = 0;
        for (int i = 0; i < chunk.size(); i++) {
            ReadRequest request = chunk.get(i);
            scratchOffset = stage(i, request.address(), request.target(), scratchOffset);
            total += request.target().remaining();
        }
        long copied = transfer(chunk.size());
        if (copied == ProcessMemoryFailures.USE_FALLBACK) {
            fallback.readAll(chunk);
            return;
        }
        if (copied < total) {
            throw ProcessMemoryFailures.firstIncomplete(pid, chunk, copied);
        }
        for (int i = 0; i < chunk.size(); i++) {
            unstage(i, chunk.get(i).target());
        }
    }

    /** Fills iovec pair {@code index}; returns the scratch offset after this buffer's share. */
    private long stage(int index, long address, ByteBuffer dst, long scratchOffset) {
        int length = dst.remaining();
        if (dst.isDirect()) {
            iovecs.set(index, directAddresses.baseAddress(dst) + dst.position(), address, length);
            return scratchOffset;
        }
        if (dst.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        scratchOffsets[index] = scratchOffset;
        iovecs.set(index, iovecs.scratchAddress(scratchOffset), address, length);
        return scratchOffset + length;
    }

    private void unstage(int index, ByteBuffer dst) {
        if (!dst.isDirect()) {
            iovecs.copyFromScratch(scratchOffsets[index], dst, dst.position(), dst.remaining());
        }
    }

    /** One system call over the first {@code count} iovec pairs; bytes copied, or USE_FALLBACK after ENOSYS. */
    private long transfer(int count) {
        try {
            return LinuxCalls.processVmReadv(pid, iovecs.localIovecs(), iovecs.remoteIovecs(), count);
        } catch (NativeCallException e) {
            if (e.errno() == Errno.EFAULT) {
                // The first remote range is unreadable: nothing was copied, and the caller names that range.
                return 0;
            }
            if (e.errno() == Errno.ENOSYS) {
                // Kernels built without CONFIG_CROSS_MEMORY_ATTACH lack the call; /proc/<pid>/mem still works.
                fallback = new ProcPidMemReader(pid);
                return ProcessMemoryFailures.USE_FALLBACK;
            }
            throw ProcessMemoryFailures.translate(pid, e);
        }
    }
}
