// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.remote;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A target's memory with some ranges copied in bulk (e.g. a thread's whole frame stack chunk): reads inside a
 * copied range are served locally, others go to the live process. It also remembers every range a sample
 * needed, as a {@link ReadPlan}: the next sample copies all of them in one batched read before walking, so that
 * a steady program costs one system call per sample while its target is paused. Reads the plan missed (the
 * program moved on) still go to the live process, so the walk stays correct.
 */
public final class SnapshotMemory implements ProcessMemory {
    private static final int LOOK_BACK = 4;

    private final ProcessMemory live;
    private final TreeMap<Long, Copy> copies = new TreeMap<>();

    public SnapshotMemory(ProcessMemory live) {
        this.live = live;
    }

    /** The ranges to copy ahead of a walk, as learnt from the previous one. */
    public record ReadPlan(long[] addresses, int[] lengths) {
        public static final ReadPlan EMPTY = new ReadPlan(new long[0], new int[0]);

        public int size() {
            return addresses.length;
        }
    }

    /** A copied range, and whether the walk used it (unused ranges are left out of the next plan). */
    private static final class Copy {
        final byte[] bytes;
        boolean used;

        Copy(byte[] bytes, boolean used) {
            this.bytes = bytes;
            this.used = used;
        }
    }

    /**
     * Copies every range of {@code plan} with one batched read. Returns false, copying nothing, when one of them
     * is no longer readable (a thread exited and its memory was freed): the walk then reads as it goes.
     */
    public boolean prefetch(ReadPlan plan) {
        if (plan.size() == 0) {
            return true;
        }
        byte[][] targets = new byte[plan.size()][];
        List<ReadRequest> requests = new ArrayList<>(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            targets[i] = new byte[plan.lengths()[i]];
            requests.add(new ReadRequest(plan.addresses()[i], ByteBuffer.wrap(targets[i])));
        }
        try {
            live.readAll(requests);
        } catch (SpyException e) {
            return false;
        }
        for (int i = 0; i < plan.size(); i++) {
            copies.put(plan.addresses()[i], new Copy(targets[i], false));
        }
        return true;
    }

    /** Copies {@code length} bytes at {@code address} unless a copy already holds them. */
    public void copy(long address, int length) {
        Map.Entry<Long, Copy> existing = covering(address, length);
        if (existing != null) {
            existing.getValue().used = true;
            return;
        }
        byte[] bytes = new byte[length];
        live.read(address, ByteBuffer.wrap(bytes));
        copies.put(address, new Copy(bytes, true));
    }

    /** Whether {@code [address, address + length)} lies inside one copied range. */
    public boolean isCopied(long address, int length) {
        return covering(address, length) != null;
    }

    /** Every range this walk used, for the next walk to copy ahead. */
    public ReadPlan plan() {
        List<Map.Entry<Long, Copy>> used = copies.entrySet().stream().filter(e -> e.getValue().used).toList();
        long[] addresses = new long[used.size()];
        int[] lengths = new int[used.size()];
        for (int i = 0; i < used.size(); i++) {
            addresses[i] = used.get(i).getKey();
            lengths[i] = used.get(i).getValue().bytes.length;
        }
        return new ReadPlan(addresses, lengths);
    }

    @Override
    public void read(long address, ByteBuffer dst) {
        int length = dst.remaining();
        Map.Entry<Long, Copy> copy = covering(address, length);
        if (copy == null) {
            // A miss: read it live, and keep it so the plan of the next walk includes it.
            byte[] bytes = new byte[length];
            live.read(address, ByteBuffer.wrap(bytes));
            dst.put(dst.position(), bytes, 0, length);
            if (!copies.containsKey(address)) {
                copies.put(address, new Copy(bytes, true));
            }
            return;
        }
        copy.getValue().used = true;
        dst.put(dst.position(), copy.getValue().bytes, (int) (address - copy.getKey()), length);
    }

    /** A copy holding the whole range; small copies may sit inside a big one, so look a few entries back. */
    private Map.Entry<Long, Copy> covering(long address, int length) {
        Map.Entry<Long, Copy> entry = copies.floorEntry(address);
        for (int step = 0; entry != null && step < LOOK_BACK; step++) {
            if (address - entry.getKey() + length <= entry.getValue().bytes.length) {
                return entry;
            }
            entry = copies.lowerEntry(entry.getKey());
        }
        return null;
    }
}
