// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A bounded little-endian reader over the bytes of one call-frame section. Every read past the end it may read
 * throws {@code SpyException(MALFORMED_INPUT)}, so untrusted tables can never make a parser read out of bounds.
 * Knows the section's run-time-independent address ({@code sh_addr}) so that pc-relative pointers can be resolved.
 */
final class CfiCursor {
    private final ByteBuffer bytes;
    private final long sectionAddress;
    private final String what;
    private int position;
    private int limit;

    CfiCursor(ByteBuffer bytes, long sectionAddress, String what) {
        this.bytes = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.sectionAddress = sectionAddress;
        this.what = what;
        this.limit = this.bytes.limit();
    }

    /** A cursor over the same bytes, at {@code offset}, that may read up to {@code end}. */
    CfiCursor at(int offset, int end) {
        CfiCursor copy = new CfiCursor(bytes, sectionAddress, what);
        copy.seek(offset, end);
        return copy;
    }

    /** Moves to {@code offset} and allows reading up to {@code end}, both within the section. */
    void seek(int offset, int end) {
        if (offset < 0 || end < offset || end > bytes.limit()) {
            throw malformed("range 0x" + Integer.toHexString(offset) + "-0x" + Integer.toHexString(end)
                    + " is outside the section");
        }
        this.position = offset;
        this.limit = end;
    }

    int position() {
        return position;
    }

    int limit() {
        return limit;
    }

    int size() {
        return bytes.limit();
    }

    boolean hasMore() {
        return position < limit;
    }

    /** The address the byte at the current position has in the binary. */
    long addressOfPosition() {
        return sectionAddress + position;
    }

    long sectionAddress() {
        return sectionAddress;
    }

    int u8() {
        need(1);
        return bytes.get(position++) & 0xff;
    }

    int u16() {
        need(2);
        int value = bytes.getShort(position) & 0xffff;
        position += 2;
        return value;
    }

    short s16() {
        need(2);
        short value = bytes.getShort(position);
        position += 2;
        return value;
    }

    long u32() {
        need(4);
        long value = bytes.getInt(position) & 0xffffffffL;
        position += 4;
        return value;
    }

    int s32() {
        need(4);
        int value = bytes.getInt(position);
        position += 4;
        return value;
    }

    long u64() {
        need(8);
        long value = bytes.getLong(position);
        position += 8;
        return value;
    }

    /** An unsigned LEB128 number; bits beyond 64 must be zero. */
    long uleb() {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            } else if ((b & 0x7f) != 0) {
                throw malformed("ULEB128 number does not fit in 64 bits");
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /** A signed LEB128 number, sign-extended to 64 bits. */
    long sleb() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** An unsigned LEB128 number that must fit in a non-negative int (a register number, a length). */
    int ulebInt(String meaning) {
        long value = uleb();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw malformed(meaning + " " + Long.toUnsignedString(value) + " is out of range");
        }
        return (int) value;
    }

    /** A NUL-terminated ASCII string. */
    String string() {
        StringBuilder text = new StringBuilder();
        for (int c = u8(); c != 0; c = u8()) {
            text.append((char) c);
        }
        return text.toString();
    }

    void skip(long count) {
        if (count < 0 || count > limit - position) {
            throw malformed("cannot skip " + count + " bytes at offset 0x" + Integer.toHexString(position));
        }
        position += (int) count;
    }

    /** The next {@code count} bytes. */
    byte[] block(long count) {
        if (count < 0 || count > limit - position) {
            throw malformed("a block of " + count + " bytes overruns its entry at offset 0x"
                    + Integer.toHexString(position));
        }
        byte[] block = new byte[(int) count];
        bytes.get(position, block);
        position += (int) count;
        return block;
    }

    SpyException malformed(String message) {
        return new SpyException(FailureKind.MALFORMED_INPUT, what + ": " + message);
    }

    private void need(int count) {
        if (count > limit - position) {
            throw malformed("truncated at offset 0x" + Integer.toHexString(position));
        }
    }
}
