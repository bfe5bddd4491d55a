// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.layout.StructLayouts;

/**
 * The PEP 393 string layout (3.3+): header sizes and the bit fields of {@code PyASCIIObject.state} that say where
 * the characters are and how wide they are.
 */
public record UnicodeLayout(int length, int state, int asciiSize, int compactSize, int nonCompactData,
                            long kindMask, long compactMask, long asciiMask) {

    public static UnicodeLayout of(StructLayouts t) {
        return new UnicodeLayout(
                t.offset("PyASCIIObject.length"),
                t.offset("PyASCIIObject.state"),
                t.size("PyASCIIObject"),
                t.size("PyCompactUnicodeObject"),
                t.offset("PyUnicodeObject.data"),
                t.mask("PyASCIIObject.state.kind"),
                t.mask("PyASCIIObject.state.compact"),
                t.mask("PyASCIIObject.state.ascii"));
    }
}
