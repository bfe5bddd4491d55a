// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.nativestack.NativeSymbol;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.SymbolResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the addresses of native stacks. Every frame but the leaf holds a return address, the instruction after a
 * call, which may already belong to the next function when the call was the last instruction; so the address just
 * before it is looked up. An address in no mapping the resolver knows means a library was loaded since it read the
 * memory map: the resolver and the unwinder forget theirs, at most once per sample, so that an address that is
 * simply garbage does not make every frame re-read the map.
 */
final class Symbolizer {
    private final SymbolResolver resolver;
    private final NativeUnwinder unwinder;
    private boolean refreshedThisSample;

    Symbolizer(SymbolResolver resolver, NativeUnwinder unwinder) {
        this.resolver = resolver;
        this.unwinder = unwinder;
    }

    /** Starts a new sample: the memory map may be read again once. */
    void nextSample() {
        refreshedThisSample = false;
    }

    /** The named frames of {@code stack}, leaf first. */
    List<NativeCall> name(NativeStack stack) {
        List<NativeCall> calls = new ArrayList<>(stack.size());
        for (int i = 0; i < stack.size(); i++) {
            long address = stack.address(i);
            calls.add(new NativeCall(address, resolve(i == 0 ? address : address - 1), rangeOf(stack, i)));
        }
        return calls;
    }

    private static StackRange rangeOf(NativeStack stack, int index) {
        if (!stack.hasStackPointers()) {
            return StackRange.UNKNOWN;
        }
        long high = index + 1 < stack.size() ? stack.stackPointer(index + 1) : 0;
        return new StackRange(stack.stackPointer(index), high);
    }

    private NativeSymbol resolve(long address) {
        NativeSymbol symbol = resolver.resolve(address);
        if (symbol.module() == null && !refreshedThisSample) {
            refreshedThisSample = true;
            resolver.refresh();
            unwinder.refresh();
            symbol = resolver.resolve(address);
        }
        return symbol;
    }
}
