// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.remote;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A target's memory with some ranges copied in bulk (e.g. a thread's whole frame stack chunk): reads inside a
 * copied range are served locally, others go to the live process. It also remembers every range a sample
 * needed, as a {@link ReadPlan}: the next sample copies all of them in one batched read before walking, so that
 * a steady program costs one system call per sample while its target is paused. Reads the plan missed (the
 * program moved on) still go to the live process, so the walk stays correct.
 *
 * <p>One instance serves sample after sample: {@link #prefetch} starts a new sample and forgets the previous
 * one's copies. The copies live in one reused byte array, and the batched read of an unchanged plan is reused
 * too, so that a steady program's samples allocate nothing here. Copies are only ever copied out, never lent, so
 * reusing the array cannot change what an earlier sample returned. Not thread-safe.
 */
public final class SnapshotMemory implements ProcessMemory {
    private static final int LOOK_BACK = 4;
    private static final int INITIAL_ARENA = 64 * 1024;
    /** An arena grown beyond this for one unusual sample is given back once samples need far less again. */
    private static final int KEPT_ARENA = 1 << 20;

    private final ProcessMemory live;
    /** The copied ranges, sorted by start address (unique): where each starts in the target and in the arena. */
    private long[] starts = new long[16];
    private int[] lengths = new int[16];
    private int[] offsets = new int[16];
    private boolean[] used = new boolean[16];
    private int count;
    private byte[] arena = new byte[INITIAL_ARENA];
    private int arenaUsed;
    /** A view of the arena for reading into part of it without allocating a buffer per read. */
    private ByteBuffer arenaView = ByteBuffer.wrap(arena);
    /** The plan the reusable batched read below was built for, and the arena it reads into. */
    private ReadPlan preparedPlan;
    private byte[] preparedArena;
    private List<ReadRequest> preparedRequests = List.of();
    /** The last plan handed out, handed out again while the walk uses the same ranges. */
    private ReadPlan lastPlan = ReadPlan.EMPTY;
    /** The batched read of the prepared plan between two more reads, and those two, reused while unchanged. */
    private List<ReadRequest> bracketedRequests = List.of();
    private ReadRequest bracketFirst;
    private ReadRequest bracketLast;
    private List<ReadRequest> bracketedPlanRequests;
    /** Reads that went to the live process since the last prefetch. */
    private int liveReads;

    public SnapshotMemory(ProcessMemory live) {
        this.live = live;
    }

    /** The live process behind the copies, for reads that must not be served from them. */
    public ProcessMemory live() {
        return live;
    }

    /** The ranges to copy ahead of a walk, as learnt from the previous one; ascending, distinct addresses. */
    public record ReadPlan(long[] addresses, int[] lengths) {
        public static final ReadPlan EMPTY = new ReadPlan(new long[0], new int[0]);

        public int size() {
            return addresses.length;
        }
    }

    /**
     * Starts a new sample: forgets every copy, then copies every range of {@code plan} with one batched read.
     * Returns false, keeping no copy, when one of them is no longer readable (a thread exited and its memory was
     * freed): the walk then reads as it goes.
     */
    public boolean prefetch(ReadPlan plan) {
        return prefetch(plan, null, null);
    }

    /**
     * {@link #prefetch(ReadPlan)}, with two more reads in the same batch, kept apart from the copies: {@code first}
     * before every range of the plan and {@code last} after all of them (a batched read copies its ranges in order).
     * A caller that must know what changed while the plan was copied learns it without a system call of its own;
     * when no read goes to the live process afterwards ({@link #liveReads()} stays 0), {@code last} was read after
     * everything the walk used. Both are read even for an empty plan; when this returns false, neither was.
     */
    public boolean prefetch(ReadPlan plan, ReadRequest first, ReadRequest last) {
        forgetCopies(plan);
        liveReads = 0;
        boolean bracketed = first != null && last != null;
        if (plan.size() == 0 && !bracketed) {
            return true;
        }
        List<ReadRequest> requests = bracketed ? bracketedRequestsFor(plan, first, last) : requestsFor(plan);
        try {
            live.readAll(requests);
        } catch (SpyException e) {
            return false;
        }
        int offset = 0;
        for (int i = 0; i < plan.size(); i++) {
            add(plan.addresses()[i], plan.lengths()[i], offset, false);
            offset += plan.lengths()[i];
        }
        arenaUsed = offset;
        return true;
    }

    /** Copies {@code length} bytes at {@code address} unless a copy already holds them. */
    public void copy(long address, int length) {
        int existing = covering(address, length);
        if (existing >= 0) {
            used[existing] = true;
            return;
        }
        int offset = readLive(address, length);
        add(address, length, offset, true);
    }

    /** Whether {@code [address, address + length)} lies inside one copied range. */
    public boolean isCopied(long address, int length) {
        return covering(address, length) >= 0;
    }

    /** Every range this walk used, for the next walk to copy ahead; the previous plan again when unchanged. */
    public ReadPlan plan() {
        int usedCount = 0;
        for (int i = 0; i < count; i++) {
            usedCount += used[i] ? 1 : 0;
        }
        if (sameAsLastPlan(usedCount)) {
            return lastPlan;
        }
        long[] addresses = new long[usedCount];
        int[] planLengths = new int[usedCount];
        for (int i = 0, j = 0; i < count; i++) {
            if (used[i]) {
                addresses[j] = starts[i];
                planLengths[j++] = lengths[i];
            }
        }
        lastPlan = new ReadPlan(addresses, planLengths);
        return lastPlan;
    }

    @Override
    public void read(long address, ByteBuffer dst) {
        int length = dst.remaining();
        int copy = covering(address, length);
        if (copy < 0) {
            // A miss: read it live, and keep it so the plan of the next walk includes it.
            int offset = readLive(address, length);
            dst.put(dst.position(), arena, offset, length);
            if (indexOf(address) < 0) {
                add(address, length, offset, true);
            }
            return;
        }
        used[copy] = true;
        dst.put(dst.position(), arena, offsets[copy] + (int) (address - starts[copy]), length);
    }

    private boolean sameAsLastPlan(int usedCount) {
        if (usedCount != lastPlan.size()) {
            return false;
        }
        for (int i = 0, j = 0; i < count; i++) {
            if (used[i]) {
                if (starts[i] != lastPlan.addresses()[j] || lengths[i] != lastPlan.lengths()[j]) {
                    return false;
                }
                j++;
            }
        }
        return true;
    }

    /** Drops every copy and makes the arena fit {@code plan} (giving back an arena one big sample grew). */
    private void forgetCopies(ReadPlan plan) {
        count = 0;
        arenaUsed = 0;
        long needed = 0;
        for (int length : plan.lengths()) {
            needed += length;
        }
        if (arena.length > KEPT_ARENA && needed < arena.length / 4) {
            replaceArena(new byte[(int) Math.max(INITIAL_ARENA, needed)]);
        }
        ensureArena(needed);
    }

    /** The batched read of {@code plan} into the start of the arena, built again only when something changed. */
    private List<ReadRequest> requestsFor(ReadPlan plan) {
        if (plan != preparedPlan || arena != preparedArena) {
            List<ReadRequest> requests = new ArrayList<>(plan.size());
            int offset = 0;
            for (int i = 0; i < plan.size(); i++) {
                requests.add(new ReadRequest(plan.addresses()[i], ByteBuffer.wrap(arena, offset,
                        plan.lengths()[i])));
                offset += plan.lengths()[i];
            }
            preparedPlan = plan;
            preparedArena = arena;
            preparedRequests = requests;
        }
        return preparedRequests;
    }

    /** How many reads went to the live process since the last prefetch (reads its copies did not hold). */
    public int liveReads() {
        return liveReads;
    }

    /** {@link #requestsFor} between {@code first} and {@code last}, built again only when something changed. */
    private List<ReadRequest> bracketedRequestsFor(ReadPlan plan, ReadRequest first, ReadRequest last) {
        List<ReadRequest> inner = requestsFor(plan);
        if (inner != bracketedPlanRequests || first != bracketFirst || last != bracketLast) {
            List<ReadRequest> requests = new ArrayList<>(inner.size() + 2);
            requests.add(first);
            requests.addAll(inner);
            requests.add(last);
            bracketedRequests = requests;
            bracketedPlanRequests = inner;
            bracketFirst = first;
            bracketLast = last;
        }
        return bracketedRequests;
    }

    /** Reads {@code length} live bytes into free arena space; returns where they start. */
    private int readLive(long address, int length) {
        liveReads++;
        ensureArena((long) arenaUsed + length);
        int offset = arenaUsed;
        arenaView.limit(offset + length).position(offset);
        live.read(address, arenaView);
        arenaUsed += length;
        return offset;
    }

    private void ensureArena(long bytes) {
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cannot copy " + bytes + " bytes at once");
        }
        if (bytes > arena.length) {
            byte[] grown = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(bytes, 2L * arena.length))];
            System.arraycopy(arena, 0, grown, 0, arenaUsed);
            replaceArena(grown);
        }
    }

    private void replaceArena(byte[] replacement) {
        arena = replacement;
        arenaView = ByteBuffer.wrap(arena);
    }

    /** Records a copy, replacing one that starts at the same address. */
    private void add(long address, int length, int offset, boolean isUsed) {
        int at = Arrays.binarySearch(starts, 0, count, address);
        if (at < 0) {
            at = -at - 1;
            if (count == starts.length) {
                int capacity = 2 * count;
                starts = Arrays.copyOf(starts, capacity);
                lengths = Arrays.copyOf(lengths, capacity);
                offsets = Arrays.copyOf(offsets, capacity);
                used = Arrays.copyOf(used, capacity);
            }
            System.arraycopy(starts, at, starts, at + 1, count - at);
            System.arraycopy(lengths, at, lengths, at + 1, count - at);
            System.arraycopy(offsets, at, offsets, at + 1, count - at);
            System.arraycopy(used, at, used, at + 1, count - at);
            count++;
        }
        starts[at] = address;
        lengths[at] = length;
        offsets[at] = offset;
        used[at] = isUsed;
    }

    private int indexOf(long address) {
        int at = Arrays.binarySearch(starts, 0, count, address);
        return at < 0 ? -1 : at;
    }

    /** A copy holding the whole range; small copies may sit inside a big one, so look a few entries back. */
    private int covering(long address, int length) {
        int at = Arrays.binarySearch(starts, 0, count, address);
        int floor = at >= 0 ? at : -at - 2;
        for (int step = 0, i = floor; i >= 0 && step < LOOK_BACK; step++, i--) {
            if (address - starts[i] + length <= lengths[i]) {
                return i;
            }
        }
        return -1;
    }
}
