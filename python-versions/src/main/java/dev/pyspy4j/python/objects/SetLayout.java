// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the members of a {@code set}: an open-addressing table of {@code mask + 1} entries whose empty slots have
 * no key and whose deleted slots hold the internal {@code dummy} key ({@code Objects/setobject.c}).
 */
record SetLayout(int mask, int table, int entrySize, int entryKey) {
    private static final String DUMMY_TYPE = "<dummy key> type";
    private static final int MAX_SLOTS = 1 << 20;

    static SetLayout of(StructLayouts t) {
        return new SetLayout(t.offset("PySetObject.mask"), t.offset("PySetObject.table"), t.size("setentry"),
                t.offset("setentry.key"));
    }

    List<Long> keys(RemoteReader reader, ObjectReader objects, long set) {
        long slots = reader.pointer(set + mask) + 1;
        if (slots <= 0 || slots > MAX_SLOTS) {
            throw new IllegalArgumentException("implausible set of " + slots + " slots");
        }
        ByteBuffer entries = reader.struct(reader.pointer(set + table), (int) slots * entrySize);
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            long key = entries.getLong(i * entrySize + entryKey);
            if (key != 0 && !objects.type(key).name().equals(DUMMY_TYPE)) {
                keys.add(key);
            }
        }
        return keys;
    }
}
