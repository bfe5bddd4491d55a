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
 */
public record NativeCall(long address, NativeSymbol symbol) {
    public NativeCall {
        Objects.requireNonNull(symbol, "symbol is null");
    }
}
