// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.pprof;

import dev.pyspy4j.output.support.Interner;
import dev.pyspy4j.output.support.WellFormedText;

/** {@code Profile.string_table}: each distinct string once, "" at index 0 as the format requires. */
final class StringTable {
    private final Interner<String> strings = new Interner<>();

    StringTable() {
        strings.intern("");
    }

    /** The index of {@code text}, with unpaired surrogates replaced so that it encodes as UTF-8. */
    long index(String text) {
        return strings.intern(WellFormedText.of(text));
    }

    int size() {
        return strings.size();
    }

    String get(int index) {
        return strings.get(index);
    }
}
