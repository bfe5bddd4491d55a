// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * What relative pointer encodings refer to: the start of {@code .text} ({@code textrel}), the data base
 * ({@code datarel}: {@code .eh_frame_hdr} itself in that section, the GOT in {@code .eh_frame}), the current
 * function ({@code funcrel}), and how to read the pointer an {@code indirect} encoding points to. A base the
 * binary does not have makes the pointer malformed.
 */
record PointerBases(OptionalLong textBase, OptionalLong dataBase, OptionalLong functionBase,
                    LongFunction<OptionalLong> memory) {
    static PointerBases none() {
        return new PointerBases(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                address -> OptionalLong.empty());
    }

    PointerBases withFunction(long functionStart) {
        return new PointerBases(textBase, dataBase, OptionalLong.of(functionStart), memory);
    }

    PointerBases withData(long dataStart) {
        return new PointerBases(textBase, OptionalLong.of(dataStart), functionBase, memory);
    }

    long text(CfiCursor cursor) {
        return require(textBase, cursor, "textrel pointer, but the binary has no .text");
    }

    long data(CfiCursor cursor) {
        return require(dataBase, cursor, "datarel pointer without a data base");
    }

    long function(CfiCursor cursor) {
        return require(functionBase, cursor, "funcrel pointer outside a function");
    }

    long dereference(CfiCursor cursor, long address) {
        return require(memory.apply(address), cursor,
                "indirect pointer to 0x" + Long.toHexString(address) + ", which the binary does not hold");
    }

    private static long require(OptionalLong value, CfiCursor cursor, String otherwise) {
        if (value.isEmpty()) {
            throw cursor.malformed(otherwise);
        }
        return value.getAsLong();
    }
}
