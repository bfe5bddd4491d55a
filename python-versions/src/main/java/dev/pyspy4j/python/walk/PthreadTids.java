// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import dev.pyspy4j.spi.process.TargetProcess;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OS thread ids for interpreters that do not record them (before 3.11). {@code PyThreadState.thread_id} is the
 * {@code pthread_t}, which in glibc and musl is the address of the thread's control block; that block holds the
 * kernel thread id at a fixed offset. The offset is found once per process as the first one at which every
 * Python thread's block holds a distinct id of one of the process's threads, and each sample then reads one word
 * per thread in a single batched read. Needs no pausing and no unwinding, so it also works without blocking.
 */
public final class PthreadTids {
    /** glibc keeps {@code tid} within the first kilobyte of {@code struct pthread} (0x2d0 on x86_64). */
    private static final int SCAN_BYTES = 2048;

    private final TargetProcess target;
    private int offset = -1;
    private boolean unresolvable;

    public PthreadTids(TargetProcess target) {
        this.target = target;
    }

    /** Maps each {@code pthread_t} to its OS thread id; ids that cannot be told are left out. */
    public Map<Long, Long> resolve(List<Long> pthreadIds) {
        if (pthreadIds.isEmpty() || unresolvable) {
            return Map.of();
        }
        try {
            if (offset < 0) {
                offset = findOffset(pthreadIds);
                if (offset < 0) {
                    unresolvable = true;
                    return Map.of();
                }
            }
            return readTids(pthreadIds);
        } catch (SpyException e) {
            return Map.of();
        }
    }

    private Map<Long, Long> readTids(List<Long> pthreadIds) {
        List<ReadRequest> reads = new ArrayList<>(pthreadIds.size());
        for (long id : pthreadIds) {
            reads.add(new ReadRequest(id + offset, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)));
        }
        target.memory().readAll(reads);
        Map<Long, Long> tids = new HashMap<>();
        for (int i = 0; i < pthreadIds.size(); i++) {
            int tid = reads.get(i).target().getInt(0);
            if (tid > 0) {
                tids.put(pthreadIds.get(i), (long) tid);
            }
        }
        return tids;
    }

    private int findOffset(List<Long> pthreadIds) {
        Set<Long> live = new HashSet<>();
        for (NativeThread thread : target.threads()) {
            live.add(thread.tid());
        }
        ProcessMemory memory = target.memory();
        List<ByteBuffer> blocks = new ArrayList<>();
        for (long id : pthreadIds) {
            blocks.add(ByteBuffer.wrap(memory.readBytes(id, SCAN_BYTES)).order(ByteOrder.LITTLE_ENDIAN));
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
