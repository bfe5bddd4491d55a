// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static dev.pyspy4j.os.linux.jna.LinuxCalls.IOVEC_SIZE;
import static dev.pyspy4j.os.linux.jna.LinuxCalls.IOV_MAX;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Native memory for {@link dev.pyspy4j.os.linux.jna.LinuxCalls#IOV_MAX} local and as many remote
 * {@code struct iovec}s, allocated once and rewritten through a direct-buffer view for every call, plus a
 * growable scratch area that heap buffers are read through.
 */
final class IovecTable implements AutoCloseable {
    private final Memory memory = new Memory(2L * IOV_MAX * IOVEC_SIZE);
    private final ByteBuffer entries = memory.getByteBuffer(0, memory.size()).order(ByteOrder.nativeOrder());
    private Memory scratch = new Memory(64 * 1024);

    long localIovecs() {
        return Pointer.nativeValue(memory);
    }

    long remoteIovecs() {
        return Pointer.nativeValue(memory) + (long) IOV_MAX * IOVEC_SIZE;
    }

    /** Describes pair {@code index}: {@code length} bytes from remote {@code remote} into local {@code local}. */
    void set(int index, long local, long remote, long length) {
        int localAt = index * IOVEC_SIZE;
        int remoteAt = (IOV_MAX + index) * IOVEC_SIZE;
        entries.putLong(localAt, local).putLong(localAt + 8, length);
        entries.putLong(remoteAt, remote).putLong(remoteAt + 8, length);
    }

    /** Makes the scratch area at least {@code bytes} long; its previous content is lost. */
    void ensureScratch(long bytes) {
        if (scratch.size() < bytes) {
            scratch.close();
            scratch = new Memory(Math.max(bytes, scratch.size() * 2));
        }
    }

    long scratchAddress(long offset) {
        return Pointer.nativeValue(scratch) + offset;
    }

    /** Copies {@code length} scratch bytes from {@code offset} into {@code target}'s array at {@code targetIndex}. */
    void copyFromScratch(long offset, ByteBuffer target, int targetIndex, int length) {
        scratch.read(offset, target.array(), target.arrayOffset() + targetIndex, length);
    }

    @Override
    public void close() {
        memory.close();
        scratch.close();
    }
}
