// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    private final LongKeyMap<CodeInfo> entries = new LongKeyMap<>();
    /** The distinct cached code addresses of the sample being revalidated (the first ones of the array). */
    private long[] checked = new long[64];
    /** One fingerprint window read per entry of {@link #checked}, kept for the next sample. */
    private final List<ReadRequest> reads = new ArrayList<>();

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

    /**
     * Reads now the code objects of {@code raw}'s frames that are not cached yet. Called while the copy's threads
     * are held, where a code object a frame runs cannot be freed: a program that is finishing frees its code
     * objects, and one read after its threads run again may be gone. One that cannot be read is left to the
     * decode, which reports it as it would any unreadable frame.
     *
     * @return whether any code object was read
     */
    public boolean readUncached(RawSample raw) {
        boolean read = false;
        List<RawThread> threads = raw.threads();
        for (int t = 0; t < threads.size(); t++) {
            if (raw.isReused(t)) {
                continue; // read when the stack was copied, and kept alive since by frames that have not moved
            }
            List<RawFrame> frames = threads.get(t).frames();
            for (int f = 0; f < frames.size(); f++) {
                long address = frames.get(f).code();
                if (!entries.containsKey(address)) {
                    read = true;
                    try {
                        get(address);
                    } catch (RuntimeException e) {
                        // Whatever went wrong happens again in the decode, which reads it again and tells a torn
                        // frame from unreadable memory.
                    }
                }
            }
        }
        return read;
    }

    /**
     * Drops the cached entries among the code objects of {@code raw}'s frames whose code object changed since it
     * was read. The addresses and the fingerprint reads are kept from sample to sample, so that revalidating the
     * same code objects as last time allocates nothing.
     */
    public void revalidate(RawSample raw, ProcessMemory memory) {
        int count = cachedCodeAddresses(raw);
        if (count == 0) {
            return;
        }
        List<ReadRequest> batch = fingerprintReads(count);
        try {
            memory.readAll(batch);
        } catch (RuntimeException e) {
            for (int i = 0; i < count; i++) {
                entries.remove(checked[i]);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            long address = checked[i];
            if (reader.fingerprintOf(batch.get(i).target()) != entries.get(address).fingerprint()) {
                entries.remove(address);
            }
        }
    }

    /** Fills {@link #checked} with the distinct cached code addresses of {@code raw}'s frames; returns how many. */
    private int cachedCodeAddresses(RawSample raw) {
        int count = 0;
        List<RawThread> threads = raw.threads();
        for (int t = 0; t < threads.size(); t++) {
            if (raw.isReused(t)) {
                // The frames of a thread that has not run hold their code objects: they were checked with the
                // copy the stack comes from, and cannot have been freed and replaced since.
                continue;
            }
            List<RawFrame> frames = threads.get(t).frames();
            for (int f = 0; f < frames.size(); f++) {
                long address = frames.get(f).code();
                if (entries.containsKey(address)) {
                    if (count == checked.length) {
                        checked = Arrays.copyOf(checked, 2 * count);
                    }
                    checked[count++] = address;
                }
            }
        }
        if (count == 0) {
            return 0;
        }
        Arrays.sort(checked, 0, count);
        int distinct = 1;
        for (int i = 1; i < count; i++) {
            if (checked[i] != checked[distinct - 1]) {
                checked[distinct++] = checked[i];
            }
        }
        return distinct;
    }

    /** The fingerprint windows of the first {@code count} {@link #checked} addresses, reusing the last ones. */
    private List<ReadRequest> fingerprintReads(int count) {
        for (int i = 0; i < count; i++) {
            long window = checked[i] + reader.fingerprintWindowStart();
            if (i == reads.size()) {
                reads.add(new ReadRequest(window,
                        ByteBuffer.allocate(reader.fingerprintWindowLength()).order(byteOrder)));
            } else if (reads.get(i).address() != window) {
                reads.set(i, new ReadRequest(window, reads.get(i).target()));
            }
        }
        return count == reads.size() ? reads : reads.subList(0, count);
    }

    int size() {
        return entries.size();
    }
}
