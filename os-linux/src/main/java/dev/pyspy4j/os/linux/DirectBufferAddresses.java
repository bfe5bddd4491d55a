// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;

/**
 * Base addresses of the last few direct buffers read into. Callers reuse a handful of buffers sample after
 * sample; remembering their addresses (by identity, weakly, so buffers can still be freed) saves the JNI call
 * and the {@code Pointer} object of {@link Native#getDirectBufferPointer} on every read.
 */
final class DirectBufferAddresses {
    private static final int SLOTS = 8;

    @SuppressWarnings("unchecked")
    private final WeakReference<ByteBuffer>[] buffers = new WeakReference[SLOTS];
    private final long[] addresses = new long[SLOTS];
    private int nextSlot;

    /** The address of {@code buffer}'s element 0 (not of its position). */
    long baseAddress(ByteBuffer buffer) {
        for (int i = 0; i < SLOTS; i++) {
            if (buffers[i] != null && buffers[i].get() == buffer) {
                return addresses[i];
            }
        }
        long address = Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
        buffers[nextSlot] = new WeakReference<>(buffer);
        addresses[nextSlot] = address;
        nextSlot = (nextSlot + 1) % SLOTS;
        return address;
    }
}
