// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian fields of a structure Windows wrote, every access checked against the bytes there are: a field out
 * of range is {@code SpyException(MALFORMED_INPUT)} naming the structure, never an index exception.
 */
final class StructBytes {
    private final ByteBuffer bytes;
    private final String structure;

    StructBytes(byte[] bytes, String structure) {
        this.bytes = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.structure = structure;
    }

    int size() {
        return bytes.capacity();
    }

    /** Fails unless {@code length} bytes from {@code offset} exist. */
    void require(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset > size() || length > size() - offset) {
            throw malformed(what + " at offset " + offset + " (" + length + " bytes) lies outside its "
                    + size() + " bytes");
        }
    }

    int u16(int offset, String what) {
        require(offset, 2, what);
        return Short.toUnsignedInt(bytes.getShort(offset));
    }

    /** An unsigned 32-bit field ({@code ULONG}, {@code DWORD}) as a non-negative long. */
    long u32(long offset, String what) {
        require(offset, 4, what);
        return Integer.toUnsignedLong(bytes.getInt((int) offset));
    }

    /** A 64-bit field (a pointer, {@code HANDLE}, {@code SIZE_T}). */
    long u64(long offset, String what) {
        require(offset, 8, what);
        return bytes.getLong((int) offset);
    }

    /** A NUL-terminated UTF-16 string in a fixed array of {@code chars} WCHARs ({@code szExePath[MAX_PATH]}). */
    String wideString(int offset, int chars, String what) {
        require(offset, 2L * chars, what);
        int length = 0;
        while (length < chars && bytes.getShort(offset + 2 * length) != 0) {
            length++;
        }
        return wideChars(offset, 2 * length, what);
    }

    /** {@code byteLength} bytes of UTF-16LE text (a {@code UNICODE_STRING}'s, which counts bytes, not chars). */
    String wideChars(long offset, long byteLength, String what) {
        require(offset, byteLength, what);
        return new String(bytes.array(), (int) offset, (int) byteLength & ~1, StandardCharsets.UTF_16LE);
    }

    SpyException malformed(String detail) {
        return new SpyException(FailureKind.MALFORMED_INPUT, "malformed " + structure + " from Windows: " + detail);
    }
}
