// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.binaries.symbols.ElfFunctionSymbols;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The parsed function tables of recently used binaries, least recently used dropped first. Shared by the resolvers
 * of one provider, which may run on several sampler threads, hence synchronized.
 */
final class SymbolTableCache {
    private final Map<BinaryKey, ElfFunctionSymbols> tables;

    SymbolTableCache(int capacity) {
        this.tables = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<BinaryKey, ElfFunctionSymbols> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The table cached for {@code key}, or the one {@code parse} builds (then cached). */
    ElfFunctionSymbols get(BinaryKey key, Supplier<ElfFunctionSymbols> parse) {
        synchronized (tables) {
            ElfFunctionSymbols cached = tables.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Parsed outside the lock: a large library takes a while, and other threads resolve other binaries meanwhile.
        ElfFunctionSymbols parsed = parse.get();
        synchronized (tables) {
            return tables.merge(key, parsed, (existing, ignored) -> existing);
        }
    }

    int size() {
        synchronized (tables) {
            return tables.size();
        }
    }
}
