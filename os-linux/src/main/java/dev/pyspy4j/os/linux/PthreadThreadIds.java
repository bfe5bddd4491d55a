// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Kernel thread ids of {@code pthread_t} handles. In glibc and musl a {@code pthread_t} is the address of the
 * thread's control block ({@code struct pthread}), which holds the kernel thread id ({@code pid_t}, 32 bits) at an
 * offset that depends on the C library's version and build. The offset is found once per process as the first one
 * at which every handle's block holds a distinct id of one of the process's threads; each later call reads one
 * word per handle in a single batched read. Needs no pausing and no unwinding, so it also works without blocking.
 * One instance per process, used by one thread.
 */
final class PthreadThreadIds {
    /** glibc keeps {@code tid} within the first kilobyte of {@code struct pthread} (0x2d0 on x86_64). */
    static final int SCAN_BYTES = 2048;

    private final ProcessMemory memory;
    private final Supplier<List<NativeThread>> threads;
    private final ByteOrder byteOrder;
    private int offset = -1;
    private boolean unresolvable;

    PthreadThreadIds(ProcessMemory memory, Supplier<List<NativeThread>> threads, ByteOrder byteOrder) {
        this.memory = memory;
        this.threads = threads;
        this.byteOrder = byteOrder;
    }

    /** Maps each handle to its OS thread id; handles that cannot be mapped are left out. */
    Map<Long, Long> resolve(List<Long> handles) {
        if (handles.isEmpty() || unresolvable) {
            return Map.of();
        }
        try {
            if (offset < 0) {
                offset = findOffset(handles);
                if (offset < 0) {
                    unresolvable = true;
                    return Map.of();
                }
            }
            return readTids(handles);
        } catch (SpyException e) {
            return Map.of();
        }
    }

    /** The offset of the thread id found so far, or -1. */
    int offset() {
        return offset;
    }

    private Map<Long, Long> readTids(List<Long> handles) {
        List<ReadRequest> reads = new ArrayList<>(handles.size());
        for (long handle : handles) {
            reads.add(new ReadRequest(handle + offset, ByteBuffer.allocate(4).order(byteOrder)));
        }
        memory.readAll(reads);
        Map<Long, Long> tids = new HashMap<>();
        for (int i = 0; i < handles.size(); i++) {
            int tid = reads.get(i).target().getInt(0);
            if (tid > 0) {
                tids.put(handles.get(i), (long) tid);
            }
        }
        return tids;
    }

    private int findOffset(List<Long> handles) {
        Set<Long> live = new HashSet<>();
        for (NativeThread thread : threads.get()) {
            live.add(thread.tid());
        }
        List<ByteBuffer> blocks = new ArrayList<>();
        for (long handle : handles) {
            blocks.add(ByteBuffer.wrap(memory.readBytes(handle, SCAN_BYTES)).order(byteOrder));
        }
        for (int candidate = 0; candidate + 4 <= SCAN_BYTES; candidate += 4) {
            if (everyBlockHoldsADistinctLiveTid(blocks, candidate, live)) {
                return candidate;
            }
        }
        return -1;
    }

    private static boolean everyBlockHoldsADistinctLiveTid(List<ByteBuffer> blocks, int candidate, Set<Long> live) {
        Set<Long> seen = new HashSet<>();
        for (ByteBuffer block : blocks) {
            long value = block.getInt(candidate);
            if (!live.contains(value) || !seen.add(value)) {
                return false;
            }
        }
        return true;
    }
}
