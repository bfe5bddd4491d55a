// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.nativestack;

/**
 * Names the instruction addresses of one process. Caches per binary and per address; used by one sampler thread.
 */
public interface SymbolResolver extends AutoCloseable {
    /**
     * What is at {@code address}: the binary, and the function when a symbol table (the binary's, its MiniDebugInfo
     * or a separate debug file) covers it. Never fails: what it cannot name comes back unnamed.
     */
    NativeSymbol resolve(long address);

    /** Forgets the memory map it knows, after a library was loaded or unloaded. */
    void refresh();

    @Override
    void close();
}
