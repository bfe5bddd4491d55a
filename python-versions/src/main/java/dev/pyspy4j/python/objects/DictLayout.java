// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.layout.StructLayouts;

/**
 * Offsets of the compact dict (3.6+): {@code PyDictObject} and its keys object, whose hash index
 * ({@code dk_indices}) is followed by the entries. Since 3.11 keys tables of only-{@code str} keys store
 * 16-byte {@code {key, value}} entries ({@code dk_kind != 0}); otherwise entries are 24-byte
 * {@code {hash, key, value}}.
 *
 * @param log2Size        {@code dk_log2_size} (3.11+), else -1
 * @param size            {@code dk_size} (3.6-3.10), else -1
 * @param log2IndexBytes  {@code dk_log2_index_bytes} (3.11+), else -1
 * @param kind            {@code dk_kind} (3.11+), else -1
 * @param splitValues     offset of the value array inside a split table's values object
 */
public record DictLayout(int keys, int values, int used, int log2Size, int size, int log2IndexBytes, int kind,
                         int entryCount, int indices, int generalEntrySize, int unicodeEntrySize,
                         int splitValues) {

    public static DictLayout of(StructLayouts t) {
        return new DictLayout(
                t.offset("PyDictObject.ma_keys"),
                t.offset("PyDictObject.ma_values"),
                t.offset("PyDictObject.ma_used"),
                optional(t, "_dictkeysobject.dk_log2_size"),
                optional(t, "_dictkeysobject.dk_size"),
                optional(t, "_dictkeysobject.dk_log2_index_bytes"),
                optional(t, "_dictkeysobject.dk_kind"),
                t.offset("_dictkeysobject.dk_nentries"),
                t.offset("_dictkeysobject.dk_indices"),
                t.size("PyDictKeyEntry"),
                t.has("sizeof(PyDictUnicodeEntry)") ? t.size("PyDictUnicodeEntry") : -1,
                t.has("PyDictValues.values") ? t.offset("PyDictValues.values") : 0);
    }

    private static int optional(StructLayouts t, String key) {
        return t.has(key) ? t.offset(key) : -1;
    }
}
