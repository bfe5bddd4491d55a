// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.remote;

import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A target's memory with some ranges copied in bulk beforehand (e.g. a thread's whole frame stack chunk):
 * reads inside a copied range are served locally, others go to the live process. Copying a chunk in one
 * system call and then walking it locally is what makes a sample cheap and close to an instant.
 */
public final class SnapshotMemory implements ProcessMemory {
    private final ProcessMemory live;
    private final TreeMap<Long, byte[]> copies = new TreeMap<>();

    public SnapshotMemory(ProcessMemory live) {
        this.live = live;
    }

    /** Copies {@code length} bytes at {@code address} now; later reads inside the range see this copy. */
    public void copy(long address, int length) {
        byte[] bytes = new byte[length];
        live.read(address, ByteBuffer.wrap(bytes));
        copies.put(address, bytes);
    }

    /** Copies several ranges with one batched read. */
    public void copyAll(long[] addresses, int[] lengths) {
        byte[][] targets = new byte[addresses.length][];
        ReadRequest[] requests = new ReadRequest[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            targets[i] = new byte[lengths[i]];
            requests[i] = new ReadRequest(addresses[i], ByteBuffer.wrap(targets[i]));
        }
        live.readAll(List.of(requests));
        for (int i = 0; i < addresses.length; i++) {
            copies.put(addresses[i], targets[i]);
        }
    }

    /** Whether {@code [address, address + length)} lies inside one copied range. */
    public boolean isCopied(long address, int length) {
        return covering(address, length) != null;
    }

    @Override
    public void read(long address, ByteBuffer dst) {
        int length = dst.remaining();
        Map.Entry<Long, byte[]> copy = covering(address, length);
        if (copy == null) {
            live.read(address, dst);
            return;
        }
        dst.put(dst.position(), copy.getValue(), (int) (address - copy.getKey()), length);
    }

    private Map.Entry<Long, byte[]> covering(long address, int length) {
        Map.Entry<Long, byte[]> entry = copies.floorEntry(address);
        if (entry == null) {
            return null;
        }
        long offset = address - entry.getKey();
        return offset + length <= entry.getValue().length ? entry : null;
    }
}
