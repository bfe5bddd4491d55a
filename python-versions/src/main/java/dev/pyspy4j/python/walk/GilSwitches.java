// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The GIL's last holder and its switch count ({@code _gil_runtime_state.last_holder} and {@code switch_number},
 * 3.7 and later with a GIL). A thread takes the GIL before it changes its Python frames, and taking it from
 * another thread than the last holder increments the count; so while the last holder is stopped, an unchanged
 * count proves that no thread changed its Python frames. Read straight from the target, never from a snapshot.
 * Not thread-safe (one reusable buffer).
 */
public final class GilSwitches {
    /** One look at the GIL. */
    public record Reading(long lastHolder, long switchNumber) {
        // Written out: a record's generated equals and hashCode link a call site on their first use, several
        // milliseconds of the first paused sample of every run.
        @Override
        public boolean equals(Object other) {
            return other instanceof Reading that && lastHolder == that.lastHolder && switchNumber == that.switchNumber;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(lastHolder) * 31 + Long.hashCode(switchNumber);
        }
    }

    /** Where the GIL of an interpreter is. */
    @FunctionalInterface
    private interface GilAddress {
        long of(ProcessMemory memory, long interpreter);
    }

    private final GilAddress address;
    private final int lastHolder;
    private final int switchNumber;
    private final int start;
    private final ByteBuffer fields;

    private GilSwitches(GilAddress address, int lastHolder, int switchNumber) {
        this.address = address;
        this.lastHolder = lastHolder;
        this.switchNumber = switchNumber;
        this.start = Math.min(lastHolder, switchNumber);
        int length = Math.max(lastHolder, switchNumber) + Long.BYTES - start;
        this.fields = ByteBuffer.allocate(length);
    }

    /** 3.7-3.11: one GIL for the whole runtime, at a fixed address ({@code _PyRuntime.ceval.gil}). */
    public static GilSwitches runtimeGil(long gil, int lastHolder, int switchNumber) {
        return new GilSwitches((memory, interpreter) -> gil, lastHolder, switchNumber);
    }

    /** 3.12+: each interpreter points at its GIL ({@code interp->ceval.gil}), set once when it starts. */
    public static GilSwitches interpreterGil(int cevalGil, int lastHolder, int switchNumber) {
        return new GilSwitches(new GilAddress() {
            private long known;

            @Override
            public long of(ProcessMemory memory, long interpreter) {
                if (known == 0) {
                    ByteBuffer pointer = ByteBuffer.allocate(Long.BYTES).order(memory.byteOrder());
                    memory.read(interpreter + cevalGil, pointer);
                    known = pointer.getLong(0);
                }
                return known;
            }
        }, lastHolder, switchNumber);
    }

    /** Two looks at the GIL for a copy's batched read to make around its ranges; see {@link Looks}. */
    public Looks looks() {
        return new Looks();
    }

    /**
     * Two looks at the GIL made by the batched read that copies a sample (see
     * {@code SnapshotMemory.prefetch(plan, first, last)}): one before its ranges and one after them, which saves a
     * system call for each while the target is held. The requests are built once per GIL and reused.
     */
    public final class Looks {
        private final ByteBuffer before = ByteBuffer.allocate(fields.capacity());
        private final ByteBuffer after = ByteBuffer.allocate(fields.capacity());
        private long preparedFor;
        private ReadRequest first;
        private ReadRequest last;
        private boolean read;
        private boolean afterEverything;

        private Looks() {
        }

        /** Prepares the two reads; false when the GIL's address is not known (then there is nothing to look at). */
        public boolean prepare(ProcessMemory memory, long interpreter) {
            read = false;
            afterEverything = false;
            long gil;
            try {
                gil = address.of(memory, interpreter);
            } catch (SpyException e) {
                return false;
            }
            if (gil == 0) {
                return false;
            }
            if (gil != preparedFor) {
                before.order(memory.byteOrder());
                after.order(memory.byteOrder());
                first = new ReadRequest(gil + start, before);
                last = new ReadRequest(gil + start, after);
                preparedFor = gil;
            }
            return true;
        }

        /** The read before the copy's ranges. */
        public ReadRequest first() {
            return first;
        }

        /** The read after the copy's ranges. */
        public ReadRequest last() {
            return last;
        }

        /**
         * Records the outcome of the batched read: whether it was made, and whether every read of the copy was in
         * it, so that the look after its ranges was made after all the copy read.
         */
        public void made(boolean batchRead, boolean wholeCopyInBatch) {
            read = batchRead;
            afterEverything = batchRead && wholeCopyInBatch;
        }

        /** Whether the batched read made both looks. */
        public boolean read() {
            return read;
        }

        /** Whether {@link #after()} was read after everything the copy read. */
        public boolean afterEverything() {
            return afterEverything;
        }

        /** The GIL before the copy's ranges were read. */
        public Reading before() {
            return readingOf(before);
        }

        /** The GIL after the copy's batched ranges were read. */
        public Reading after() {
            return readingOf(after);
        }
    }

    private Reading readingOf(ByteBuffer look) {
        return new Reading(look.getLong(lastHolder - start), look.getLong(switchNumber - start));
    }

    /** The GIL now; empty when it cannot be read (the caller then stops every thread, which is always safe). */
    public Optional<Reading> read(ProcessMemory memory, long interpreter) {
        try {
            long gil = address.of(memory, interpreter);
            if (gil == 0) {
                return Optional.empty();
            }
            fields.clear();
            fields.order(memory.byteOrder());
            memory.read(gil + start, fields);
            return Optional.of(readingOf(fields));
        } catch (SpyException e) {
            return Optional.empty();
        }
    }
}
