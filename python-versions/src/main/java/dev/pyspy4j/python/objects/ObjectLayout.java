// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.layout.StructLayouts;

/**
 * Offsets of the object headers every remote object reader needs: type pointer, variable size, type name,
 * type flags, instance dict offset, module dict, and the item arrays of tuples and lists.
 */
public record ObjectLayout(int obType, int obSize, int tpName, int tpFlags, int tpDictOffset, int tpBasicSize,
                           int moduleDict,
                           int tupleItems, int listItems, int bytesData, int floatValue, int heapTypeCachedKeys) {

    public static ObjectLayout of(StructLayouts t) {
        return new ObjectLayout(
                t.offset("PyObject.ob_type"),
                t.offset("PyVarObject.ob_size"),
                t.offset("PyTypeObject.tp_name"),
                t.offset("PyTypeObject.tp_flags"),
                t.offset("PyTypeObject.tp_dictoffset"),
                t.offset("PyTypeObject.tp_basicsize"),
                t.offset("PyModuleObject.md_dict"),
                t.offset("PyTupleObject.ob_item"),
                t.offset("PyListObject.ob_item"),
                t.has("PyBytesObject.ob_sval") ? t.offset("PyBytesObject.ob_sval") : t.offset("PyStringObject.ob_sval"),
                t.offset("PyFloatObject.ob_fval"),
                t.has("PyHeapTypeObject.ht_cached_keys") ? t.offset("PyHeapTypeObject.ht_cached_keys") : -1);
    }

    /**
     * The size of an object header ({@code PyObject_HEAD}), which ends with the type pointer: 16 bytes, 32 in a
     * free-threaded build; the first field of an object's own struct comes right after it.
     */
    public int headerSize() {
        return obType + Long.BYTES;
    }
}
