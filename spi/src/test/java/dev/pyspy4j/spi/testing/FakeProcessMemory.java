// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.testing;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ProcessMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory address space for unit tests of walkers and decoders: segments of bytes placed at addresses,
 * built fluently. A read touching any byte outside the segments fails as a real read of unmapped memory does.
 * Counts reads so tests can check batching.
 */
public final class FakeProcessMemory implements ProcessMemory {
    private final TreeMap<Long, byte[]> segments = new TreeMap<>();
    /**
     * The segments' start addresses and bytes in address order, for reads that allocate nothing (benchmarks of the
     * sampling path measure its allocations over this memory); rebuilt after a {@link #put}.
     */
    private long[] starts = new long[0];
    private byte[][] contents = new byte[0][];
    private boolean indexStale;
    private int readCalls;
    /** Reads that found no segment, as address and length pairs, once {@link #rememberMisses} was called. */
    private List<long[]> misses;

    /** Places {@code bytes} at {@code address}; overlapping an existing segment is a test bug. */
    public FakeProcessMemory put(long address, byte[] bytes) {
        Map.Entry<Long, byte[]> before = segments.floorEntry(address + bytes.length - 1);
        if (before != null && before.getKey() + before.getValue().length > address) {
            throw new IllegalArgumentException("segment at 0x" + Long.toHexString(address) + " overlaps one at 0x"
                    + Long.toHexString(before.getKey()));
        }
        segments.put(address, bytes.clone());
        indexStale = true;
        return this;
    }

    /** Places zero bytes wherever no segment covers {@code length} bytes from {@code address}. */
    public FakeProcessMemory fillGapsWithZeros(long address, long length) {
        long at = address;
        long end = address + length;
        while (at < end) {
            Map.Entry<Long, byte[]> covering = segments.floorEntry(at);
            if (covering != null && covering.getKey() + covering.getValue().length > at) {
                at = covering.getKey() + covering.getValue().length;
                continue;
            }
            Long next = segments.higherKey(at);
            long gapEnd = next == null ? end : Math.min(end, next);
            put(at, new byte[(int) (gapEnd - at)]);
            at = gapEnd;
        }
        return this;
    }

    /** Changes a little-endian 64-bit value inside a placed segment, as a running target writes its memory. */
    public FakeProcessMemory overwriteLong(long address, long value) {
        Map.Entry<Long, byte[]> segment = segments.floorEntry(address);
        if (segment == null || segment.getKey() + segment.getValue().length < address + 8) {
            throw new IllegalArgumentException("no segment holds 0x" + Long.toHexString(address) + "..+8");
        }
        ByteBuffer.wrap(segment.getValue()).order(ByteOrder.LITTLE_ENDIAN)
                .putLong((int) (address - segment.getKey()), value);
        return this;
    }

    /** Places a little-endian 64-bit value. */
    public FakeProcessMemory putLong(long address, long value) {
        return put(address, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value).array());
    }

    /** Places a little-endian 32-bit value. */
    public FakeProcessMemory putInt(long address, int value) {
        return put(address, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value).array());
    }

    /** Places UTF-8 bytes without a terminator. */
    public FakeProcessMemory putString(long address, String text) {
        return put(address, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a struct of {@code size} zero bytes at {@code address}, to be filled and then {@link StructBuilder#place()}d. */
    public StructBuilder struct(long address, int size) {
        return new StructBuilder(this, address, size);
    }

    public int readCalls() {
        return readCalls;
    }

    /**
     * From now on, every read that finds no segment is remembered (see {@link #misses}) before it fails as always:
     * a replay can then place memory where a newer reader looks and the recording did not.
     */
    public FakeProcessMemory rememberMisses() {
        misses = new ArrayList<>();
        return this;
    }

    /** The reads that found no segment since {@link #rememberMisses}, as {address, length} pairs. */
    public List<long[]> misses() {
        return misses == null ? List.of() : List.copyOf(misses);
    }

    @Override
    public void read(long address, ByteBuffer dst) {
        readCalls++;
        if (indexStale) {
            reindex();
        }
        int length = dst.remaining();
        int done = 0;
        while (done < length) {
            long at = address + done;
            int index = Arrays.binarySearch(starts, at);
            index = index >= 0 ? index : -index - 2;
            if (index < 0 || at >= starts[index] + contents[index].length) {
                if (misses != null) {
                    misses.add(new long[] {address, length});
                }
                throw new SpyException(FailureKind.MEMORY_READ, "cannot read " + length + " bytes at 0x"
                        + Long.toHexString(address) + ": 0x" + Long.toHexString(at) + " is not mapped");
            }
            int offset = (int) (at - starts[index]);
            int n = Math.min(length - done, contents[index].length - offset);
            dst.put(dst.position() + done, contents[index], offset, n);
            done += n;
        }
    }

    private void reindex() {
        starts = new long[segments.size()];
        contents = new byte[segments.size()][];
        int i = 0;
        for (Map.Entry<Long, byte[]> segment : segments.entrySet()) {
            starts[i] = segment.getKey();
            contents[i++] = segment.getValue();
        }
        indexStale = false;
    }

    /** Fills a struct's bytes field by field, then places it. */
    public static final class StructBuilder {
        private final FakeProcessMemory memory;
        private final long address;
        private final ByteBuffer bytes;

        private StructBuilder(FakeProcessMemory memory, long address, int size) {
            this.memory = memory;
            this.address = address;
            this.bytes = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }

        public StructBuilder putLong(int offset, long value) {
            bytes.putLong(offset, value);
            return this;
        }

        public StructBuilder putInt(int offset, int value) {
            bytes.putInt(offset, value);
            return this;
        }

        public StructBuilder putShort(int offset, short value) {
            bytes.putShort(offset, value);
            return this;
        }

        public StructBuilder putByte(int offset, byte value) {
            bytes.put(offset, value);
            return this;
        }

        public StructBuilder putBytes(int offset, byte[] value) {
            bytes.put(offset, value);
            return this;
        }

        public FakeProcessMemory place() {
            return memory.put(address, bytes.array());
        }
    }
}
