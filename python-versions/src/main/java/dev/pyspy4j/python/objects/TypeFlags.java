// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.layout.StructLayouts;

/**
 * The {@code tp_flags} bits that mark the built-in types and their subclasses ({@code Py_TPFLAGS_*_SUBCLASS});
 * a bit a version lacks is 0, which never matches.
 */
record TypeFlags(long integer, long pythonTwoInt, long unicode, long pythonTwoString, long bytes, long dict,
                 long list, long tuple) {

    static TypeFlags of(StructLayouts t) {
        long string = flag(t, "Py_TPFLAGS_STRING_SUBCLASS");
        return new TypeFlags(flag(t, "Py_TPFLAGS_LONG_SUBCLASS"), flag(t, "Py_TPFLAGS_INT_SUBCLASS"),
                flag(t, "Py_TPFLAGS_UNICODE_SUBCLASS"), string,
                // In Python 2 the bytes flag is the str flag: str is bytes there.
                string != 0 ? 0 : flag(t, "Py_TPFLAGS_BYTES_SUBCLASS"),
                flag(t, "Py_TPFLAGS_DICT_SUBCLASS"), flag(t, "Py_TPFLAGS_LIST_SUBCLASS"),
                flag(t, "Py_TPFLAGS_TUPLE_SUBCLASS"));
    }

    private static long flag(StructLayouts t, String name) {
        return t.has("const." + name) ? t.constant(name) : 0;
    }
}
