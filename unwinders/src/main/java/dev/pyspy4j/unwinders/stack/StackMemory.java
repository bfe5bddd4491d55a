// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.stack;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.ProcessMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The stack memory of one thread during one unwind, read in as few system calls as possible: the first read copies
 * a window above the stack pointer (clipped to the mapping that holds it: {@code [stack]} for the main thread, an
 * anonymous mapping for other threads), and a stack deeper than the window is read on in larger steps. Anything
 * outside the stack mapping (a signal stack, the heap) is read directly. The buffer is reused from unwind to unwind.
 */
public final class StackMemory {
    /** The first read: enough for most native stacks, including a few dozen interpreter frames. */
    static final int FIRST_WINDOW = 32 * 1024;
    /** Each further read when the stack goes deeper. */
    static final int NEXT_WINDOW = 64 * 1024;
    /** The window never grows beyond this; deeper stack memory is read word by word. */
    static final int MAX_WINDOW = 1024 * 1024;
    private static final long PAGE = 4096;

    private final ProcessMemory memory;
    private final ByteBuffer word = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    private ByteBuffer buffer = ByteBuffer.allocate(FIRST_WINDOW).order(ByteOrder.LITTLE_ENDIAN);
    private long windowStart;
    private long windowEnd;
    private long regionEnd;
    private int reads;
    private boolean pageByPage;

    public StackMemory(ProcessMemory memory) {
        this.memory = memory;
    }

    /**
     * Starts an unwind of a thread whose stack pointer is {@code sp}, held by {@code stackRegion} (empty when no
     * mapping holds it: then every read goes straight to the process).
     */
    public void start(long sp, Optional<MemoryRegion> stackRegion) {
        windowStart = sp & ~7L;
        windowEnd = windowStart;
        regionEnd = stackRegion.filter(region -> region.contains(sp) && region.isReadable())
                .map(MemoryRegion::end).orElse(windowStart);
        reads = 0;
        pageByPage = false;
    }

    /** How many reads this unwind made so far (for tests and measurements). */
    public int reads() {
        return reads;
    }

    /**
     * The 8-byte value at {@code address}.
     *
     * @throws SpyException MEMORY_READ when it cannot be read
     */
    public long readLong(long address) {
        return read(address, 8);
    }

    /**
     * The {@code size}-byte (1, 2, 4 or 8) value at {@code address}, zero-extended.
     *
     * @throws SpyException MEMORY_READ when it cannot be read
     */
    public long read(long address, int size) {
        if (inStack(address, size) && extendTo(address + size)) {
            int offset = (int) (address - windowStart);
            return switch (size) {
                case 1 -> buffer.get(offset) & 0xffL;
                case 2 -> buffer.getShort(offset) & 0xffffL;
                case 4 -> buffer.getInt(offset) & 0xffffffffL;
                default -> buffer.getLong(offset);
            };
        }
        return direct(address, size);
    }

    private boolean inStack(long address, int size) {
        return Long.compareUnsigned(address, windowStart) >= 0
                && Long.compareUnsigned(address + size, regionEnd) <= 0
                && Long.compareUnsigned(address, address + size) < 0;
    }

    /** Makes the window reach {@code end}; false when that would make it too large. */
    private boolean extendTo(long end) {
        if (Long.compareUnsigned(end, windowEnd) <= 0) {
            return true;
        }
        long wanted = windowEnd == windowStart ? FIRST_WINDOW : (windowEnd - windowStart) + NEXT_WINDOW;
        long newEnd = Math.max(end - windowStart, wanted) + windowStart;
        if (Long.compareUnsigned(newEnd, regionEnd) > 0 || Long.compareUnsigned(newEnd, windowStart) < 0) {
            newEnd = regionEnd;
        }
        long newSize = newEnd - windowStart;
        if (newSize > MAX_WINDOW) {
            return false;
        }
        if (buffer.capacity() < newSize) {
            ByteBuffer larger = ByteBuffer.allocate((int) newSize).order(ByteOrder.LITTLE_ENDIAN);
            larger.put(0, buffer, 0, (int) (windowEnd - windowStart));
            buffer = larger;
        }
        if (!pageByPage && copy(newEnd)) {
            return true;
        }
        // Some thread stacks share their mapping with another thread's unreadable guard page (newer glibc installs
        // guard regions inside the mapping): a wide read fails there. From then on this unwind reads only the pages
        // it needs; when even that fails, the window ends where it is and what lies beyond is read directly.
        pageByPage = true;
        long pageEnd = Math.min((end + PAGE - 1) & -PAGE, regionEnd);
        if (Long.compareUnsigned(pageEnd, windowEnd) > 0 && copy(pageEnd)) {
            return true;
        }
        regionEnd = windowEnd;
        return false;
    }

    /** Copies the stack from the end of the window to {@code newEnd}; false when the process refuses the read. */
    private boolean copy(long newEnd) {
        int from = (int) (windowEnd - windowStart);
        ByteBuffer target = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(from)
                .limit((int) (newEnd - windowStart));
        reads++;
        try {
            memory.read(windowEnd, target);
        } catch (SpyException e) {
            if (e.kind() != FailureKind.MEMORY_READ) {
                throw e;
            }
            return false;
        }
        windowEnd = newEnd;
        return true;
    }

    private long direct(long address, int size) {
        word.clear().limit(size);
        reads++;
        memory.read(address, word);
        return switch (size) {
            case 1 -> word.get(0) & 0xffL;
            case 2 -> word.getShort(0) & 0xffffL;
            case 4 -> word.getInt(0) & 0xffffffffL;
            case 8 -> word.getLong(0);
            default -> throw new SpyException(FailureKind.MALFORMED_INPUT, "cannot read " + size + " bytes as a value");
        };
    }
}
