// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Code objects by address. Code objects are immutable, but a freed one's address can be reused by another, so
 * cached entries are revalidated once per sample by re-reading a small fingerprint window of each, all in one
 * batched read.
 */
public final class CodeCache {
    /** Bounds memory for programs that create code endlessly (exec, lambdas in loops). */
    private static final int MAX_ENTRIES = 50_000;

    private final CodeReader reader;
    private final ByteOrder byteOrder;
    private final Map<Long, CodeInfo> entries = new HashMap<>();

    public CodeCache(CodeReader reader) {
        this.reader = reader;
        this.byteOrder = reader.byteOrder();
    }

    /** The code object at {@code address}, from the cache or read now. */
    public CodeInfo get(long address) {
        CodeInfo info = entries.get(address);
        if (info == null) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            info = reader.read(address);
            entries.put(address, info);
        }
        return info;
    }

    /** Drops the cached entries among {@code addresses} whose code object changed since it was read. */
    public void revalidate(Collection<Long> addresses, ProcessMemory memory) {
        List<Long> cached = new ArrayList<>();
        List<ReadRequest> reads = new ArrayList<>();
        for (long address : addresses) {
            if (entries.containsKey(address)) {
                cached.add(address);
                reads.add(new ReadRequest(address + reader.fingerprintWindowStart(),
                        ByteBuffer.allocate(reader.fingerprintWindowLength()).order(byteOrder)));
            }
        }
        if (reads.isEmpty()) {
            return;
        }
        try {
            memory.readAll(reads);
        } catch (RuntimeException e) {
            cached.forEach(entries::remove);
            return;
        }
        for (int i = 0; i < cached.size(); i++) {
            long address = cached.get(i);
            if (reader.fingerprintOf(reads.get(i).target()) != entries.get(address).fingerprint()) {
                entries.remove(address);
            }
        }
    }

    int size() {
        return entries.size();
    }
}
