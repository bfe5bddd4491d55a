// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import java.util.List;
import java.util.Optional;

/**
 * Finds the attribute dict of an instance: at {@code tp_dictoffset} for classic types, or for heap types with
 * {@code Py_TPFLAGS_MANAGED_DICT} before the object header or inline after it, depending on the
 * {@link ManagedDictStyle}. Values-only dicts take their keys from the type's {@code ht_cached_keys}.
 */
final class InstanceDicts {
    private static final int WORD = 8;

    private final RemoteReader reader;
    private final ObjectLayout layout;
    private final ManagedDictStyle style;
    private final long managedDictFlag;
    private final long inlineValuesFlag;
    private final int valuesArray;

    InstanceDicts(RemoteReader reader, StructLayouts tables, ObjectLayout layout, ManagedDictStyle style) {
        this.reader = reader;
        this.layout = layout;
        this.style = style;
        this.managedDictFlag = flag(tables, "Py_TPFLAGS_MANAGED_DICT");
        this.inlineValuesFlag = flag(tables, "Py_TPFLAGS_INLINE_VALUES");
        this.valuesArray = tables.has("PyDictValues.values") ? tables.offset("PyDictValues.values") : 0;
    }

    /** The items of the instance's attribute dict, if it has one. */
    Optional<List<DictItems.Item>> items(long object, TypeInfo type, DictItems dicts) {
        if (style != ManagedDictStyle.NONE && managedDictFlag != 0 && type.hasFlag(managedDictFlag)) {
            return managed(object, type, dicts);
        }
        if (type.dictOffset() > 0) {
            long dict = reader.pointer(object + type.dictOffset());
            return dict == 0 ? Optional.empty() : Optional.of(dicts.items(dict));
        }
        return Optional.empty();
    }

    private Optional<List<DictItems.Item>> managed(long object, TypeInfo type, DictItems dicts) {
        long word = reader.pointer(object - style.dictWordsBefore() * WORD);
        long values;
        switch (style) {
            case VALUES_BEFORE_HEADER -> {
                if (word != 0) {
                    return Optional.of(dicts.items(word));
                }
                values = reader.pointer(object - 4 * WORD);
            }
            case TAGGED_WORD -> {
                if (word != 0 && (word & 1) == 0) {
                    return Optional.of(dicts.items(word));
                }
                values = word == 0 ? 0 : word + 1;
            }
            default -> {
                if (word != 0) {
                    return Optional.of(dicts.items(word));
                }
                values = type.hasFlag(inlineValuesFlag) ? object + type.basicSize() : 0;
            }
        }
        if (values == 0 || layout.heapTypeCachedKeys() < 0) {
            return Optional.empty();
        }
        long keys = reader.pointer(type.address() + layout.heapTypeCachedKeys());
        return keys == 0 ? Optional.empty() : Optional.of(dicts.items(keys, values + valuesArray));
    }

    private static long flag(StructLayouts tables, String name) {
        return tables.has("const." + name) ? tables.constant(name) : 0;
    }
}
