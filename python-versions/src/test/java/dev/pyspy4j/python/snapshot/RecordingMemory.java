// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.snapshot;

import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A live process's memory that keeps a copy of every byte read through it, merged into disjoint chunks (reads
 * that overlap or touch become one chunk). Only successful reads are kept, so a read that failed live fails
 * again on replay. The target should be paused while recording: bytes read twice keep the later value.
 */
final class RecordingMemory implements ProcessMemory {
    private final ProcessMemory live;
    private final TreeMap<Long, byte[]> chunks = new TreeMap<>();

    RecordingMemory(ProcessMemory live) {
        this.live = live;
    }

    @Override
    public void read(long address, ByteBuffer dst) {
        live.read(address, dst);
        record(address, dst);
    }

    @Override
    public void readAll(List<ReadRequest> requests) {
        live.readAll(requests);
        for (ReadRequest request : requests) {
            record(request.address(), request.target());
        }
    }

    @Override
    public ByteOrder byteOrder() {
        return live.byteOrder();
    }

    /** The chunks recorded so far, by address. */
    NavigableMap<Long, byte[]> chunks() {
        TreeMap<Long, byte[]> copy = new TreeMap<>();
        chunks.forEach((address, bytes) -> copy.put(address, bytes.clone()));
        return copy;
    }

    private void record(long address, ByteBuffer filled) {
        byte[] bytes = new byte[filled.remaining()];
        filled.get(filled.position(), bytes);
        if (bytes.length > 0) {
            add(address, bytes);
        }
    }

    private void add(long address, byte[] bytes) {
        long start = address;
        long end = address + bytes.length;
        // Every chunk that overlaps or touches [start, end) is folded into one.
        Map.Entry<Long, byte[]> before = chunks.floorEntry(start);
        if (before != null && before.getKey() + before.getValue().length >= start) {
            start = before.getKey();
        }
        Map.Entry<Long, byte[]> last = chunks.floorEntry(end);
        if (last != null) {
            end = Math.max(end, last.getKey() + last.getValue().length);
        }
        byte[] merged = new byte[(int) (end - start)];
        NavigableMap<Long, byte[]> folded = chunks.subMap(start, true, end, true);
        for (Map.Entry<Long, byte[]> chunk : folded.entrySet()) {
            System.arraycopy(chunk.getValue(), 0, merged, (int) (chunk.getKey() - start), chunk.getValue().length);
        }
        folded.clear();
        // The new read goes last: it is the later value where it overlaps an older one.
        System.arraycopy(bytes, 0, merged, (int) (address - start), bytes.length);
        chunks.put(start, merged);
    }
}
