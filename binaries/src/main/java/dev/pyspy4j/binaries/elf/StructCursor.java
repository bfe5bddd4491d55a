// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import java.nio.ByteBuffer;

/**
 * Reads the fields of one ELF structure in declaration order with absolute gets; the caller has
 * already checked that the whole structure lies inside the buffer.
 */
final class StructCursor {
    private final ByteBuffer buffer;
    private final boolean is64;
    private int position;

    StructCursor(ByteBuffer buffer, int position, boolean is64) {
        this.buffer = buffer;
        this.position = position;
        this.is64 = is64;
    }

    boolean is64() {
        return is64;
    }

    /** An {@code unsigned char}. */
    int u8() {
        int value = Byte.toUnsignedInt(buffer.get(position));
        position += 1;
        return value;
    }

    /** An {@code ElfN_Half}. */
    int u16() {
        int value = Short.toUnsignedInt(buffer.getShort(position));
        position += 2;
        return value;
    }

    /** An {@code ElfN_Word}. */
    long u32() {
        long value = Integer.toUnsignedLong(buffer.getInt(position));
        position += 4;
        return value;
    }

    /**
     * A field whose width follows the file class: {@code Elf32_Addr/Off/Word} (4 bytes) or
     * {@code Elf64_Addr/Off/Xword} (8 bytes); 64-bit values above {@link Long#MAX_VALUE} stay unsigned bit patterns.
     */
    long uClass() {
        if (is64) {
            long value = buffer.getLong(position);
            position += 8;
            return value;
        }
        return u32();
    }
}
