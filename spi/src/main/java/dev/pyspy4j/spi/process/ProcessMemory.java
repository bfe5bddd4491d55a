// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Reads another process's memory. Buffers are filled from their position to their limit; position and limit
 * are left unchanged so that callers decode with absolute gets. Reads are all-or-nothing.
 */
public interface ProcessMemory {
    /**
     * Copies {@code dst.remaining()} bytes starting at {@code address} into {@code dst}.
     *
     * @throws SpyException MEMORY_READ when any byte cannot be read, PROCESS_EXITED when the process is gone
     */
    void read(long address, ByteBuffer dst);

    /**
     * Performs several reads, with as few system calls as the OS allows. The default reads one by one.
     *
     * @throws SpyException MEMORY_READ naming the first request that could not be read completely
     */
    default void readAll(List<ReadRequest> requests) {
        for (ReadRequest request : requests) {
            read(request.address(), request.target());
        }
    }

    /** Byte order of the target's memory. */
    default ByteOrder byteOrder() {
        return ByteOrder.LITTLE_ENDIAN;
    }

    /** Reads {@code length} bytes into a new array. */
    default byte[] readBytes(long address, int length) {
        if (length < 0) {
            throw new SpyException(FailureKind.MEMORY_READ, "negative read length " + length);
        }
        byte[] bytes = new byte[length];
        read(address, ByteBuffer.wrap(bytes));
        return bytes;
    }

    /** Reads a 64-bit value. */
    default long readLong(long address) {
        ByteBuffer buffer = ByteBuffer.allocate(8).order(byteOrder());
        read(address, buffer);
        return buffer.getLong(0);
    }

    /** Reads a 32-bit value. */
    default int readInt(long address) {
        ByteBuffer buffer = ByteBuffer.allocate(4).order(byteOrder());
        read(address, buffer);
        return buffer.getInt(0);
    }
}
