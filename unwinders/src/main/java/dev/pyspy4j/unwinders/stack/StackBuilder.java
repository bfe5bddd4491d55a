// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.stack;

import dev.pyspy4j.spi.nativestack.NativeStack;
import java.util.Arrays;

/** Collects the addresses of one unwind, leaf first, up to a maximum number of frames. */
public final class StackBuilder {
    private final int maxFrames;
    private long[] addresses = new long[64];
    private long[] stackPointers = new long[64];
    private int size;

    public StackBuilder(int maxFrames) {
        this.maxFrames = Math.max(maxFrames, 1);
    }

    /**
     * Adds a frame and the stack pointer while it runs; false when the stack already holds the maximum (the frame is
     * not added).
     */
    public boolean add(long address, long stackPointer) {
        if (size == maxFrames) {
            return false;
        }
        if (size == addresses.length) {
            addresses = Arrays.copyOf(addresses, addresses.length * 2);
            stackPointers = Arrays.copyOf(stackPointers, stackPointers.length * 2);
        }
        addresses[size] = address;
        stackPointers[size++] = stackPointer;
        return true;
    }

    public int size() {
        return size;
    }

    /** A stack that reached the outermost frame. */
    public NativeStack complete() {
        return new NativeStack(Arrays.copyOf(addresses, size), Arrays.copyOf(stackPointers, size), null);
    }

    /** A stack cut short, saying why. */
    public NativeStack endedEarly(String reason) {
        return new NativeStack(Arrays.copyOf(addresses, size), Arrays.copyOf(stackPointers, size), reason);
    }

    /** The stack cut at the maximum. */
    public NativeStack tooDeep() {
        return endedEarly("the stack is deeper than " + maxFrames + " frames");
    }
}
