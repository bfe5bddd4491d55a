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
 * Reads Python 2 dicts: an open-addressing table of {@code ma_mask + 1} {@code {hash, key, value}} entries where
 * unused slots have no key and deleted ones no value ({@code Objects/dictobject.c} of 2.7).
 */
public final class Py2DictReader implements DictItems {
    private final RemoteReader reader;
    private final int mask;
    private final int table;
    private final int entrySize;

    public Py2DictReader(RemoteReader reader, StructLayouts t) {
        this.reader = reader;
        this.mask = t.offset("PyDictObject.ma_mask");
        this.table = t.offset("PyDictObject.ma_table");
        this.entrySize = t.size("PyDictEntry");
    }

    @Override
    public List<Item> items(long dict) {
        long slots = reader.pointer(dict + mask) + 1;
        if (slots <= 0 || slots > DictReader.MAX_ENTRIES) {
            throw new SpyException(FailureKind.MEMORY_READ, "implausible dict of " + slots + " slots at 0x"
                    + Long.toHexString(dict));
        }
        ByteBuffer entries = reader.struct(reader.pointer(dict + table), (int) slots * entrySize);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            long key = entries.getLong(i * entrySize + 8);
            long value = entries.getLong(i * entrySize + 16);
            if (key != 0 && value != 0) {
                items.add(new Item(key, value));
            }
        }
        return items;
    }

    @Override
    public List<Item> items(long keys, long valueArray) {
        throw new UnsupportedOperationException("Python 2 has no split dicts");
    }
}
