// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.remote;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.ProcessMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Typed reads of a target's memory: pointers, integers and whole structs, with sanity limits so that a garbage
 * pointer or length read from a moving target fails as a read error instead of allocating gigabytes. Words are
 * read in the target architecture's byte order and pointer size: every buffer this reader fills has the target's
 * byte order, so readers of struct fields get it without asking.
 */
public final class RemoteReader {
    /** Structs, strings and tables larger than this are refused; nothing CPython keeps per frame is that big. */
    public static final int MAX_READ = 16 << 20;

    private final ProcessMemory memory;
    private final ByteOrder byteOrder;
    private final int pointerSize;
    private final ByteBuffer word;
    /** The buffer {@link #transientStruct} reuses; grown to the largest struct asked for. */
    private ByteBuffer transientStruct = ByteBuffer.allocate(0);

    public RemoteReader(ProcessMemory memory, TargetArch arch) {
        this.memory = memory;
        this.byteOrder = arch.byteOrder();
        this.pointerSize = arch.pointerSize();
        this.word = ByteBuffer.allocate(8).order(byteOrder);
    }

    public ProcessMemory memory() {
        return memory;
    }

    /** A reader of {@code other} memory of the same target (same byte order and pointer size). */
    public RemoteReader over(ProcessMemory other) {
        return new RemoteReader(other, byteOrder, pointerSize);
    }

    private RemoteReader(ProcessMemory memory, ByteOrder byteOrder, int pointerSize) {
        this.memory = memory;
        this.byteOrder = byteOrder;
        this.pointerSize = pointerSize;
        this.word = ByteBuffer.allocate(8).order(byteOrder);
    }

    /** The target's byte order, for buffers filled by other means than this reader (batched reads). */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** The target's pointer size in bytes, 4 or 8. */
    public int pointerSize() {
        return pointerSize;
    }

    /** Reads a pointer-sized value (zero-extended from 32 bits on a 32-bit target). */
    public long pointer(long address) {
        checkAddress(address);
        if (pointerSize == 8) {
            memory.read(address, word.clear());
            return word.getLong(0);
        }
        memory.read(address, word.clear().limit(4));
        return Integer.toUnsignedLong(word.getInt(0));
    }

    /** Reads a 32-bit value. */
    public int int32(long address) {
        checkAddress(address);
        memory.read(address, word.clear().limit(4));
        return word.getInt(0);
    }

    /** Reads {@code size} bytes into a fresh buffer in the target's byte order, for absolute gets. */
    public ByteBuffer struct(long address, int size) {
        checkAddress(address);
        checkLength(address, size);
        ByteBuffer buffer = ByteBuffer.allocate(size).order(byteOrder);
        memory.read(address, buffer);
        return buffer;
    }

    /**
     * Reads {@code size} bytes like {@link #struct}, into {@code reusable} when it can hold them (else into a new
     * buffer); returns the buffer read into, which the caller keeps for its next read of the same kind.
     */
    public ByteBuffer structInto(long address, int size, ByteBuffer reusable) {
        checkAddress(address);
        checkLength(address, size);
        ByteBuffer buffer = reusable != null && reusable.capacity() >= size
                ? reusable.clear().limit(size) : ByteBuffer.allocate(size).order(byteOrder);
        memory.read(address, buffer);
        return buffer;
    }

    /**
     * Reads {@code size} bytes like {@link #struct}, into a buffer this reader reuses: valid only until the next
     * call, for walks that look at one struct at a time (a frame per step) and would otherwise allocate a buffer
     * per step of every sample.
     */
    public ByteBuffer transientStruct(long address, int size) {
        checkAddress(address);
        checkLength(address, size);
        if (transientStruct.capacity() < size) {
            transientStruct = ByteBuffer.allocate(size).order(byteOrder);
        }
        ByteBuffer buffer = transientStruct.clear().limit(size);
        memory.read(address, buffer);
        return buffer;
    }

    /** Reads {@code length} raw bytes. */
    public byte[] bytes(long address, int length) {
        checkAddress(address);
        checkLength(address, length);
        byte[] bytes = new byte[length];
        memory.read(address, ByteBuffer.wrap(bytes));
        return bytes;
    }

    private static void checkAddress(long address) {
        // The first page is never mapped; a null or tiny pointer means a torn or uninitialised structure.
        if (address >= 0 && address < 4096) {
            throw new SpyException(FailureKind.MEMORY_READ, "invalid pointer 0x" + Long.toHexString(address));
        }
    }

    private static void checkLength(long address, long length) {
        if (length < 0 || length > MAX_READ) {
            throw new SpyException(FailureKind.MEMORY_READ, "refusing to read " + length + " bytes at 0x"
                    + Long.toHexString(address));
        }
    }
}
