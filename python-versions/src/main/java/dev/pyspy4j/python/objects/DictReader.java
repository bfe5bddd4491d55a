// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Reads the items of a remote compact dict (3.6+), including split tables whose values live apart. */
public final class DictReader implements DictItems {
    /** Dicts with more entries are refused; the dicts we walk (sys.modules, thread registries, locals) are smaller. */
    public static final int MAX_ENTRIES = 1 << 20;

    private final RemoteReader reader;
    private final DictLayout layout;

    public DictReader(RemoteReader reader, DictLayout layout) {
        this.reader = reader;
        this.layout = layout;
    }

    @Override
    public List<Item> items(long dict) {
        long keys = reader.pointer(dict + layout.keys());
        long values = reader.pointer(dict + layout.values());
        return items(keys, values == 0 ? 0 : values + layout.splitValues());
    }

    /**
     * The items of a keys object whose values are either in its entries ({@code valueArray == 0}) or in a
     * separate array (split tables, and managed instance dicts that have only values).
     */
    @Override
    public List<Item> items(long keys, long valueArray) {
        ByteBuffer header = reader.struct(keys, layout.indices());
        long count = header.getLong(layout.entryCount());
        if (count < 0 || count > MAX_ENTRIES) {
            throw new SpyException(FailureKind.MEMORY_READ, "implausible dict of " + count + " entries at 0x"
                    + Long.toHexString(keys));
        }
        boolean unicodeEntries = layout.kind() >= 0 && header.get(layout.kind()) != 0;
        int entrySize = unicodeEntries ? layout.unicodeEntrySize() : layout.generalEntrySize();
        int keyOffset = unicodeEntries ? 0 : 8;
        long entries = keys + layout.indices() + indexBytes(header);
        List<Item> items = new ArrayList<>();
        if (count == 0) {
            return items;
        }
        ByteBuffer table = reader.struct(entries, (int) count * entrySize);
        ByteBuffer split = valueArray == 0 ? null : reader.struct(valueArray, (int) count * 8);
        for (int i = 0; i < count; i++) {
            long key = table.getLong(i * entrySize + keyOffset);
            long value = split != null ? split.getLong(i * 8) : table.getLong(i * entrySize + keyOffset + 8);
            if (key != 0 && value != 0) {
                items.add(new Item(key, value));
            }
        }
        return items;
    }

    private long indexBytes(ByteBuffer header) {
        if (layout.log2IndexBytes() >= 0) {
            return 1L << header.get(layout.log2IndexBytes());
        }
        // 3.6-3.10: dk_size slots, each as wide as needed to index dk_size entries (Objects/dictobject.c DK_IXSIZE).
        long size = header.getLong(layout.size());
        if (size <= 0 || size > MAX_ENTRIES * 2L) {
            throw new SpyException(FailureKind.MEMORY_READ, "implausible dict size " + size);
        }
        int width = size <= 0xff ? 1 : size <= 0xffff ? 2 : size <= 0xffffffffL ? 4 : 8;
        return size * width;
    }
}
