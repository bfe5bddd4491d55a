// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the members of a {@code set}: an open-addressing table of {@code mask + 1} entries whose empty slots have
 * no key and whose deleted slots hold the internal {@code dummy} key ({@code Objects/setobject.c}).
 */
record SetLayout(int mask, int table, int entrySize, int entryKey, boolean dummyIsText) {
    private static final String DUMMY_TYPE = "<dummy key> type";
    private static final String DUMMY_TEXT = "<dummy key>";
    /** The versions whose set dummy is a plain {@code str} (make_new_set() in their Objects/setobject.c). */
    private static final Set<String> TEXT_DUMMY_VERSIONS = Set.of("2.7", "3.3");
    private static final int MAX_SLOTS = 1 << 20;

    static SetLayout of(StructLayouts t) {
        return new SetLayout(t.offset("PySetObject.mask"), t.offset("PySetObject.table"), t.size("setentry"),
                t.offset("setentry.key"), TEXT_DUMMY_VERSIONS.contains(t.minorVersion()));
    }

    List<Long> keys(RemoteReader reader, ObjectReader objects, long set) {
        long slots = reader.pointer(set + mask) + 1;
        if (slots <= 0 || slots > MAX_SLOTS) {
            throw new IllegalArgumentException("implausible set of " + slots + " slots");
        }
        ByteBuffer entries = reader.struct(reader.pointer(set + table), (int) slots * entrySize);
        List<Long> keys = new ArrayList<>();
        // Members mostly share a few types: each type's name is read once per set, not once per member.
        Map<Long, String> typeNames = new HashMap<>();
        for (int i = 0; i < slots; i++) {
            long key = entries.getLong(i * entrySize + entryKey);
            if (key != 0 && !isDummy(objects, key, typeNames)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * 3.4+ mark deleted slots with an object of its own type; 2.7's and 3.3's dummy is the str
     * {@code "<dummy key>"}, so there a member with that text is taken for a deleted slot.
     */
    private boolean isDummy(ObjectReader objects, long key, Map<Long, String> typeNames) {
        String type = objects.typeName(key, typeNames);
        return type.equals(DUMMY_TYPE) || dummyIsText && type.equals("str") && DUMMY_TEXT.equals(objects.string(key));
    }
}
