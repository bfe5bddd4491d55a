// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Sequential, bounds-checked reads of DWARF encodings; running past the end is MALFORMED_INPUT, never an IOOBE. */
final class DwarfCursor {
    private final ByteBuffer bytes;
    private final String what;
    private int position;
    private int limit;

    DwarfCursor(ByteBuffer bytes, String what) {
        this.bytes = bytes;
        this.what = what;
        this.limit = bytes.limit();
    }

    int position() {
        return position;
    }

    void seek(long offset) {
        if (offset < 0 || offset > limit) {
            throw malformed(String.format("offset 0x%x outside the %d bytes available", offset, limit));
        }
        position = (int) offset;
    }

    int limit() {
        return limit;
    }

    /** Restricts reads to end at {@code newLimit} (the end of one unit). */
    void limit(long newLimit) {
        if (newLimit < position || newLimit > bytes.limit()) {
            throw malformed(String.format("unit end 0x%x outside the section (size %d)", newLimit, bytes.limit()));
        }
        limit = (int) newLimit;
    }

    boolean hasRemaining() {
        return position < limit;
    }

    int u8() {
        require(1);
        return Byte.toUnsignedInt(bytes.get(position++));
    }

    int s8() {
        require(1);
        return bytes.get(position++);
    }

    int u16() {
        require(2);
        int value = Short.toUnsignedInt(bytes.getShort(position));
        position += 2;
        return value;
    }

    long u32() {
        require(4);
        long value = Integer.toUnsignedLong(bytes.getInt(position));
        position += 4;
        return value;
    }

    long u64() {
        require(8);
        long value = bytes.getLong(position);
        position += 8;
        return value;
    }

    /** An unsigned value of {@code size} bytes (1, 2, 4 or 8). */
    long unsigned(int size) {
        return switch (size) {
            case 1 -> u8();
            case 2 -> u16();
            case 4 -> u32();
            case 8 -> u64();
            default -> throw malformed("unsupported field size " + size);
        };
    }

    /** ULEB128; bits beyond 64 are dropped (no real table has them, and they must not loop). */
    long uleb() {
        long value = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            if (shift < 64) {
                value |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    long sleb() {
        long value = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                value |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            value |= -1L << shift;
        }
        return value;
    }

    /** A NUL-terminated UTF-8 string. */
    String string() {
        int end = position;
        while (end < limit && bytes.get(end) != 0) {
            end++;
        }
        if (end >= limit) {
            throw malformed(String.format("string at 0x%x has no terminating NUL", position));
        }
        byte[] text = new byte[end - position];
        bytes.get(position, text);
        position = end + 1;
        return new String(text, StandardCharsets.UTF_8);
    }

    void skip(long count) {
        if (count < 0) {
            throw malformed("negative length " + count);
        }
        require(count);
        position += (int) count;
    }

    SpyException malformed(String detail) {
        return new SpyException(FailureKind.MALFORMED_INPUT, "malformed " + what + ": " + detail);
    }

    private void require(long count) {
        if (count > limit - position) {
            throw malformed(String.format("%d bytes needed at 0x%x, %d left", count, position, limit - position));
        }
    }
}
