// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import dev.pyspy4j.python.objects.ObjectReader;
import dev.pyspy4j.python.remote.SnapshotMemory;
import dev.pyspy4j.spi.process.ProcessMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The memory the asyncio reader reads through: copies of the target's memory, made the way the thread walker's
 * are ({@link SnapshotMemory}). Each read of the tasks first copies, in one batched read, every range the previous
 * read used, and reads live only what that missed. Tasks, their coroutines and frames stay where they are while a
 * program runs, so {@code record --async-aware}, which reads the tasks at every sample, costs a few system calls a
 * sample instead of one per field; a single read ({@code dump --asyncio}) costs what it did. Only the first
 * {@value #MAX_COPIED} bytes a read misses are kept as copies (a few thousand tasks' worth); the rest of a read of
 * many tasks is read live, so that the copies stay small in the JVM's heap. Not thread-safe, as the reader is not.
 */
final class TaskMemory {
    static final int MAX_COPIED = 1 << 20;

    private final SnapshotMemory copies;
    private final CappedCopies capped;
    private final ObjectReader objects;
    private SnapshotMemory.ReadPlan plan = SnapshotMemory.ReadPlan.EMPTY;

    private TaskMemory(SnapshotMemory copies, CappedCopies capped, ObjectReader objects) {
        this.copies = copies;
        this.capped = capped;
        this.objects = objects;
    }

    /** Copies of the memory {@code live} reads, read through a reader of the same kind. */
    static TaskMemory over(ObjectReader live) {
        SnapshotMemory copies = new SnapshotMemory(live.remote().memory());
        CappedCopies capped = new CappedCopies(copies, live.remote().memory());
        return new TaskMemory(copies, capped, live.over(live.remote().over(capped)));
    }

    /** An object reader over the copies. */
    ObjectReader objects() {
        return objects;
    }

    /** Starts a read: copies what the previous one used (nothing when part of it is no longer readable). */
    void start() {
        capped.missed = 0;
        if (!copies.prefetch(plan)) {
            plan = SnapshotMemory.ReadPlan.EMPTY;
        }
    }

    /** Ends a read: what it used is what the next one copies ahead. */
    void finish() {
        plan = copies.plan();
    }

    /** Reads through the copies until a read has missed {@link #MAX_COPIED} bytes, then live. */
    private static final class CappedCopies implements ProcessMemory {
        private final SnapshotMemory copies;
        private final ProcessMemory live;
        private long missed;

        CappedCopies(SnapshotMemory copies, ProcessMemory live) {
            this.copies = copies;
            this.live = live;
        }

        @Override
        public void read(long address, ByteBuffer dst) {
            int length = dst.remaining();
            if (copies.isCopied(address, length)) {
                copies.read(address, dst);
            } else if (missed + length <= MAX_COPIED) {
                missed += length;
                copies.read(address, dst);
            } else {
                live.read(address, dst);
            }
        }

        @Override
        public ByteOrder byteOrder() {
            return live.byteOrder();
        }
    }
}
