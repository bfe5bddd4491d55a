// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Bounds-checked absolute reads from the bytes of one ELF file, in that file's class and byte order;
 * every range is checked before use so malformed offsets become {@link SpyException}s, not
 * {@link IndexOutOfBoundsException}s.
 */
final class ElfReader {
    private final ByteBuffer buffer;
    private final String fileName;
    private final boolean is64;

    private ElfReader(ByteBuffer buffer, String fileName, boolean is64) {
        this.buffer = buffer;
        this.fileName = fileName;
        this.is64 = is64;
    }

    /** A reader over {@code source} from its position to its limit, before the class and byte order are known. */
    static ElfReader over(ByteBuffer source, String fileName) {
        return new ElfReader(source.slice().order(ByteOrder.LITTLE_ENDIAN), fileName, false);
    }

    /** The same bytes read with the class and byte order that {@code e_ident} announced. */
    ElfReader withLayout(boolean elf64, ByteOrder order) {
        return new ElfReader(buffer.duplicate().order(order), fileName, elf64);
    }

    String fileName() {
        return fileName;
    }

    boolean is64() {
        return is64;
    }

    ByteOrder byteOrder() {
        return buffer.order();
    }

    int size() {
        return buffer.limit();
    }

    /** An unsigned byte at an offset that a previous range check covered. */
    int u8(int offset) {
        return Byte.toUnsignedInt(buffer.get(offset));
    }

    /** A cursor over one structure of {@code length} bytes at {@code offset}, after checking it lies in the file. */
    StructCursor struct(long offset, int length, String what) {
        requireRange(offset, length, what);
        return new StructCursor(buffer, (int) offset, is64);
    }

    /** A read-only view of {@code length} bytes at {@code offset}, after checking they lie in the file. */
    ByteBuffer slice(long offset, long length, String what) {
        requireRange(offset, length, what);
        // slice() and asReadOnlyBuffer() both reset the byte order to big-endian
        return buffer.slice((int) offset, (int) length).asReadOnlyBuffer().order(buffer.order());
    }

    /** Fails unless {@code count} entries of {@code entrySize} bytes at {@code offset} lie in the file. */
    void requireTable(long offset, long count, long entrySize, String what) {
        if (Long.compareUnsigned(count, size() / entrySize) > 0) {
            throw malformed(String.format("%s at 0x%x with %s entries of %d bytes extends past the end of the file"
                    + " (size %d)", what, offset, Long.toUnsignedString(count), entrySize, size()));
        }
        requireRange(offset, count * entrySize, what);
    }

    /** Fails unless the {@code length} bytes at {@code offset} (both unsigned) lie in the file. */
    void requireRange(long offset, long length, String what) {
        long fileSize = size();
        if (Long.compareUnsigned(offset, fileSize) > 0 || Long.compareUnsigned(length, fileSize - offset) > 0) {
            throw malformed(String.format("%s at 0x%x (%s bytes) extends past the end of the file (size %d)",
                    what, offset, Long.toUnsignedString(length), fileSize));
        }
    }

    SpyException malformed(String detail) {
        return malformed(fileName, detail);
    }

    static SpyException malformed(String fileName, String detail) {
        return new SpyException(FailureKind.MALFORMED_INPUT, "malformed ELF file '" + fileName + "': " + detail);
    }
}
