// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.spi.nativestack.NativeSymbol;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers for recently resolved addresses, least recently used dropped first: a profile revisits the same few
 * thousand return addresses sample after sample, and a hit skips two binary searches and the allocation.
 */
final class AddressCache {
    private final Map<Long, NativeSymbol> entries;

    AddressCache(int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, NativeSymbol> eldest) {
                return size() > capacity;
            }
        };
    }

    NativeSymbol get(long address) {
        return entries.get(address);
    }

    void put(NativeSymbol symbol) {
        entries.put(symbol.address(), symbol);
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
