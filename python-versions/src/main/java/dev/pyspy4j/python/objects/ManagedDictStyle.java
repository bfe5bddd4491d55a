// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

/**
 * Where an instance of a heap type with {@code Py_TPFLAGS_MANAGED_DICT} keeps its attributes; the layout changed
 * in every release since it was introduced ({@code Include/internal/pycore_object.h} of each version).
 */
public enum ManagedDictStyle {
    /** Before 3.11: only {@code tp_dictoffset}. */
    NONE(0),
    /** 3.11: the dict pointer at {@code obj - 3 words}, or a values array pointer at {@code obj - 4 words}. */
    VALUES_BEFORE_HEADER(3),
    /** 3.12: one word at {@code obj - 3 words}: a dict pointer, or (low bit set) a values pointer minus one. */
    TAGGED_WORD(3),
    /** 3.13+: the dict pointer at {@code obj - 3 words}, or values stored inline at {@code obj + tp_basicsize}. */
    INLINE_VALUES(3),
    /**
     * Free-threaded 3.13t+: as {@link #INLINE_VALUES}, but the dict pointer is at {@code obj - 1 word}: such a build
     * keeps no GC links before an object, only the two words of its pre-header.
     */
    INLINE_VALUES_FREE_THREADED(1);

    private final int dictWordsBefore;

    ManagedDictStyle(int dictWordsBefore) {
        this.dictWordsBefore = dictWordsBefore;
    }

    /** How many pointer-sized words before the object its dict pointer (or tagged word) sits. */
    int dictWordsBefore() {
        return dictWordsBefore;
    }
}
