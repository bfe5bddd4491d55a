// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.layout.StructLayouts;

/**
 * Layout of {@code _PyStackChunk} (3.11+), the blocks in which a thread's interpreter frames live:
 * {@code {previous, size (bytes, header included), top (slot index), data[]}}.
 */
public record ChunkLayout(int previous, int size, int top, int data) {
    public static ChunkLayout of(StructLayouts t) {
        return new ChunkLayout(t.offset("_PyStackChunk.previous"), t.offset("_PyStackChunk.size"),
                t.offset("_PyStackChunk.top"), t.offset("_PyStackChunk.data"));
    }
}
