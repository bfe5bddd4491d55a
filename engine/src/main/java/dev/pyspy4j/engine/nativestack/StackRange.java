// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

/**
 * The part of a thread's stack one native frame owns: from its stack pointer up to its caller's (exclusive). The
 * outermost frame owns everything above its stack pointer.
 *
 * @param low  the frame's stack pointer
 * @param high its caller's stack pointer, or 0 for the outermost frame
 */
public record StackRange(long low, long high) {
    /** For an unwinder that does not say where frames lie. */
    public static final StackRange UNKNOWN = new StackRange(0, 0);

    /** Whether {@code address} lies in this frame's part of the stack. */
    public boolean holds(long address) {
        if (this.equals(UNKNOWN) || address == 0) {
            return false;
        }
        return Long.compareUnsigned(address, low) >= 0 && (high == 0 || Long.compareUnsigned(address, high) < 0);
    }
}
