// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.nativestack;

import java.util.Arrays;
import java.util.Optional;

/**
 * The native call stack of one thread, leaf first: the instruction pointer, then each caller's return address as
 * found on the stack (not adjusted; a symbolizer looks up {@code address - 1} for every frame but the first, so a
 * call that is the last instruction of its function is attributed to that function).
 */
public final class NativeStack {
    private static final long[] NONE = new long[0];

    private final long[] addresses;
    private final long[] stackPointers;
    private final String endedEarlyBecause;

    /**
     * @param addresses         leaf first
     * @param endedEarlyBecause why the unwind stopped before the outermost frame, or {@code null} when it reached it
     */
    public NativeStack(long[] addresses, String endedEarlyBecause) {
        this(addresses, NONE, endedEarlyBecause);
    }

    /**
     * @param addresses         leaf first
     * @param stackPointers     the stack pointer while each frame runs (the leaf's from its registers, a caller's
     *                          the canonical frame address of its callee), one per address; empty when unknown
     * @param endedEarlyBecause why the unwind stopped before the outermost frame, or {@code null} when it reached it
     */
    public NativeStack(long[] addresses, long[] stackPointers, String endedEarlyBecause) {
        if (stackPointers.length != 0 && stackPointers.length != addresses.length) {
            throw new IllegalArgumentException(addresses.length + " addresses but " + stackPointers.length
                    + " stack pointers");
        }
        this.addresses = addresses.clone();
        this.stackPointers = stackPointers.length == 0 ? NONE : stackPointers.clone();
        this.endedEarlyBecause = endedEarlyBecause;
    }

    /** Whether the unwinder said where each frame's stack lies ({@link #stackPointer}). */
    public boolean hasStackPointers() {
        return stackPointers.length != 0;
    }

    /**
     * The stack pointer while frame {@code index} runs: its locals lie from here up to the next frame's stack
     * pointer. Only when {@link #hasStackPointers()}.
     */
    public long stackPointer(int index) {
        return stackPointers[index];
    }

    /** A complete stack. */
    public static NativeStack complete(long... addresses) {
        return new NativeStack(addresses, null);
    }

    public int size() {
        return addresses.length;
    }

    /** The address of frame {@code index}, 0 being the leaf. */
    public long address(int index) {
        return addresses[index];
    }

    /** Every address, leaf first (a copy). */
    public long[] addresses() {
        return addresses.clone();
    }

    /** Why the unwind stopped before the outermost frame; empty when it reached it. */
    public Optional<String> endedEarlyBecause() {
        return Optional.ofNullable(endedEarlyBecause);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NativeStack that && Arrays.equals(addresses, that.addresses)
                && Arrays.equals(stackPointers, that.stackPointers)
                && java.util.Objects.equals(endedEarlyBecause, that.endedEarlyBecause);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(addresses);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("NativeStack[");
        for (int i = 0; i < addresses.length; i++) {
            text.append(i == 0 ? "" : ", ").append("0x").append(Long.toHexString(addresses[i]));
        }
        return text.append(endedEarlyBecause == null ? "]" : "; ended early: " + endedEarlyBecause + "]").toString();
    }
}
