// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The parsed tables of recently used binaries (function tables, cold parts), least recently used dropped first.
 * Shared by the resolvers of one provider, which may run on several sampler threads, hence synchronized.
 *
 * @param <T> the kind of table
 */
final class SymbolTableCache<T> {
    private final Map<BinaryKey, T> tables;

    SymbolTableCache(int capacity) {
        this.tables = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<BinaryKey, T> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The table cached for {@code key}, or the one {@code parse} builds (then cached). */
    T get(BinaryKey key, Supplier<T> parse) {
        synchronized (tables) {
            T cached = tables.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Parsed outside the lock: a large library takes a while, and other threads resolve other binaries meanwhile.
        T parsed = parse.get();
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
