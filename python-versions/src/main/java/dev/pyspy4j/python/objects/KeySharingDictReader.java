// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the PEP 412 key-sharing dicts of CPython 3.3-3.5: {@code ma_keys} points at a keys object whose
 * {@code dk_size} {@code {me_hash, me_key, me_value}} entries are the hash table itself (no index array, unlike
 * 3.6's compact dicts). A combined table keeps values in its entries; a split table (instance dicts sharing their
 * class's keys) keeps them in {@code ma_values}, one slot per entry. Unused slots have no key; deleted ones keep
 * the dummy key but lose their value, and a split dict lacks the values of keys other instances added, so only
 * entries with both a key and a value are items (Objects/dictobject.c of 3.3.7 and 3.4.2,
 * Objects/dict-common.h of 3.5.10).
 */
public final class KeySharingDictReader implements DictItems {
    private final RemoteReader reader;
    private final int keysPointer;
    private final int valuesPointer;
    private final int size;
    private final int entries;
    private final int entrySize;
    private final int entryKey;
    private final int entryValue;

    public KeySharingDictReader(RemoteReader reader, StructLayouts t) {
        this.reader = reader;
        this.keysPointer = t.offset("PyDictObject.ma_keys");
        this.valuesPointer = t.offset("PyDictObject.ma_values");
        this.size = t.offset("_dictkeysobject.dk_size");
        this.entries = t.offset("_dictkeysobject.dk_entries");
        this.entrySize = t.size("PyDictKeyEntry");
        this.entryKey = t.offset("PyDictKeyEntry.me_key");
        this.entryValue = t.offset("PyDictKeyEntry.me_value");
    }

    @Override
    public List<Item> items(long dict) {
        return items(reader.pointer(dict + keysPointer), reader.pointer(dict + valuesPointer));
    }

    /** The items of {@code keys}, with values from its entries ({@code valueArray == 0}) or that array. */
    @Override
    public List<Item> items(long keys, long valueArray) {
        long slots = reader.pointer(keys + size);
        // dk_size is a power of two: at least 4 (split) or 8 (combined), or 1 for the empty keys a cleared dict shares.
        if (slots <= 0 || slots > DictReader.MAX_ENTRIES || Long.bitCount(slots) != 1) {
            throw new SpyException(FailureKind.MEMORY_READ, "implausible dict of " + slots + " slots at 0x"
                    + Long.toHexString(keys));
        }
        int count = (int) slots;
        ByteBuffer table = reader.struct(keys + entries, count * entrySize);
        ByteBuffer split = valueArray == 0 ? null : reader.struct(valueArray, count * 8);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long key = table.getLong(i * entrySize + entryKey);
            long value = split != null ? split.getLong(i * 8) : table.getLong(i * entrySize + entryValue);
            if (key != 0 && value != 0) {
                items.add(new Item(key, value));
            }
        }
        return items;
    }
}
