// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import dev.pyspy4j.spi.nativestack.NativeSymbol;
import java.util.Objects;

/**
 * One frame of a native stack, named.
 *
 * @param address the address as unwound (the leaf's instruction pointer, else a return address): what an unnamed
 *                frame shows
 * @param symbol  what the resolver found there (for a return address, it looked up the call before it)
 * @param stack   where the frame's locals lie on the thread's stack; {@link StackRange#UNKNOWN} when the unwinder
 *                did not say
 */
public record NativeCall(long address, NativeSymbol symbol, StackRange stack) {
    public NativeCall {
        Objects.requireNonNull(symbol, "symbol is null");
        Objects.requireNonNull(stack, "stack is null");
    }

    /** A frame whose place on the stack is unknown. */
    public NativeCall(long address, NativeSymbol symbol) {
        this(address, symbol, StackRange.UNKNOWN);
    }
}
