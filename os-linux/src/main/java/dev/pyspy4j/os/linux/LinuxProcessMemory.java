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
 * Reads another process's memory with {@code process_vm_readv(2)}: up to {@code IOV_MAX} ranges per system call
 * (consecutive requests close together read as one range), direct buffers filled in place, heap buffers through
 * one reused native scratch area, and no allocation per read. Falls back to {@code /proc/<pid>/mem} only where the
 * kernel lacks the call (ENOSYS). Thread-safe (reads are serialised), though one sampler thread is the expected user.
 */
public final class LinuxProcessMemory implements ProcessMemory, AutoCloseable {
    private final int pid;
    private final IovecTable iovecs = new IovecTable();
    private final DirectBufferAddresses directAddresses = new DirectBufferAddresses();
    /** Gaps between requests that one merged read spans: shorter than a page (see {@link #mergeRanges}). */
    private static final long MERGE_GAP = 1024;
    /** The longest merged range, so that the scratch area stays small. */
    private static final long MAX_MERGED = 256 * 1024;

    private final long[] scratchOffsets = new long[IOV_MAX];
    private final int[] rangeEnds = new int[IOV_MAX];
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

    /**
     * Reads one chunk, as few remote ranges as it can be: consecutive requests that ascend with small gaps (the
     * frames of one stack, fields of one object) are read as one range, as the kernel pins the pages of every range
     * separately and that, not the copying, is most of a small read's cost. Requests that cannot share fill their
     * buffers in place as before; so do all of them when a merged read comes up short, so that the failure names
     * the request it belongs to.
     */
    private void readChunk(List<ReadRequest> chunk) {
        int ranges = mergeRanges(chunk);
        if (ranges == chunk.size() || !readMerged(chunk, ranges)) {
            readSeparately(chunk);
        }
    }

    /**
     * Groups consecutive requests into ranges, filling {@link #rangeEnds} (each range's end index, exclusive);
     * returns the number of ranges. A request joins the range before it when both fill heap buffers, it starts at
     * or after that range's end and less than {@link #MERGE_GAP} bytes after it. Such a gap lies within the pages of
     * the two requests (it is shorter than a page), so a merged read can fail only where one of them would: and
     * one range is copied from its lowest address up, so the requests are read in the order given, as apart.
     */
    private int mergeRanges(List<ReadRequest> chunk) {
        int ranges = 0;
        long rangeEnd = 0;
        long rangeStart = 0;
        for (int i = 0; i < chunk.size(); i++) {
            ReadRequest request = chunk.get(i);
            long start = request.address();
            long end = start + request.target().remaining();
            boolean joins = i > 0 && !request.target().isDirect() && !chunk.get(i - 1).target().isDirect()
                    && start >= rangeEnd && start - rangeEnd < MERGE_GAP && end - rangeStart <= MAX_MERGED;
            if (joins) {
                rangeEnd = end;
            } else {
                rangeStart = start;
                rangeEnd = end;
                ranges++;
            }
            rangeEnds[ranges - 1] = i + 1;
        }
        return ranges;
    }

    /**
     * Reads the ranges, a direct buffer's in place and the others into the scratch area, and hands each request of
     * the latter its bytes; false when the read came up short.
     */
    private boolean readMerged(List<ReadRequest> chunk, int ranges) {
        long scratchBytes = 0;
        long total = 0;
        for (int range = 0, first = 0; range < ranges; first = rangeEnds[range++]) {
            long length = rangeLength(chunk, first, rangeEnds[range]);
            scratchBytes += chunk.get(first).target().isDirect() ? 0 : length;
            total += length;
        }
        iovecs.ensureScratch(scratchBytes);
        long offset = 0;
        for (int range = 0, first = 0; range < ranges; first = rangeEnds[range++]) {
            ReadRequest request = chunk.get(first);
            if (request.target().isDirect()) {
                offset = stage(range, request.address(), request.target(), offset);
                continue;
            }
            long length = rangeLength(chunk, first, rangeEnds[range]);
            iovecs.set(range, iovecs.scratchAddress(offset), request.address(), length);
            scratchOffsets[range] = offset;
            offset += length;
        }
        long copied = transfer(ranges);
        if (copied == ProcessMemoryFailures.USE_FALLBACK) {
            fallback.readAll(chunk);
            return true;
        }
        if (copied != total) {
            return false;
        }
        for (int range = 0, first = 0; range < ranges; first = rangeEnds[range++]) {
            long rangeStart = chunk.get(first).address();
            for (int i = first; i < rangeEnds[range] && !chunk.get(i).target().isDirect(); i++) {
                ByteBuffer dst = chunk.get(i).target();
                iovecs.copyFromScratch(scratchOffsets[range] + chunk.get(i).address() - rangeStart, dst,
                        dst.position(), dst.remaining());
            }
        }
        return true;
    }

    private static long rangeLength(List<ReadRequest> chunk, int first, int end) {
        ReadRequest last = chunk.get(end - 1);
        return last.address() + last.target().remaining() - chunk.get(first).address();
    }

    private void readSeparately(List<ReadRequest> chunk) {
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
