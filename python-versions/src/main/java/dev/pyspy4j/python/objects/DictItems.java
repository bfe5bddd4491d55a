// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import java.util.List;

/** Reads the key/value pairs of a remote dict; one implementation per dict representation. */
public interface DictItems {
    /** One key/value pair, as object addresses. */
    record Item(long key, long value) {
    }

    /** The items of the dict object at {@code dict}. */
    List<Item> items(long dict);

    /** The items of a shared keys object with a separate values array (instance dicts), where supported. */
    List<Item> items(long keys, long valueArray);
}
