// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bounds-checked little- or big-endian reads from the bytes of one object file (Mach-O, PE): every offset and length
 * is checked, as unsigned, against the file's size before use, so a hostile header becomes a
 * {@code SpyException(MALFORMED_INPUT)} naming the format and the file, never an index exception or a huge allocation.
 */
public final class BoundedBytes {
    private final ByteBuffer buffer;
    private final String format;
    private final String fileName;

    private BoundedBytes(ByteBuffer buffer, String format, String fileName) {
        this.buffer = buffer;
        this.format = format;
        this.fileName = fileName;
    }

    /**
     * The bytes from {@code source}'s position to its limit, read little-endian.
     *
     * @param format the format's name in error messages ("Mach-O", "PE")
     */
    public static BoundedBytes over(ByteBuffer source, String format, String fileName) {
        return new BoundedBytes(source.slice().order(ByteOrder.LITTLE_ENDIAN), format, fileName);
    }

    /**
     * Maps {@code path} read-only (a large binary is paged in on demand, not copied to the heap).
     *
     * @throws SpyException PERMISSION_DENIED if it cannot be opened for reading; MALFORMED_INPUT if it is missing, not
     *         a regular file, or larger than the 2 GiB a buffer addresses
     */
    public static BoundedBytes open(Path path, String format) {
        String fileName = path.toString();
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw malformed(format, fileName, "not a regular file");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw malformed(format, fileName, "file of " + size + " bytes is larger than the "
                        + Integer.MAX_VALUE + " bytes this reader maps");
            }
            return over(channel.map(FileChannel.MapMode.READ_ONLY, 0, size), format, fileName);
        } catch (AccessDeniedException e) {
            throw new SpyException(FailureKind.PERMISSION_DENIED, "cannot read " + format + " file '" + fileName
                    + "': permission denied", e);
        } catch (NoSuchFileException e) {
            throw malformed(format, fileName, "no such file");
        } catch (IOException e) {
            throw malformed(format, fileName, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    /** The {@code length} bytes at {@code offset} as a file of their own (a slice of a universal binary). */
    public BoundedBytes sub(long offset, long length, String what) {
        requireRange(offset, length, what);
        return new BoundedBytes(buffer.slice((int) offset, (int) length).order(buffer.order()), format, fileName);
    }

    /** The same bytes read in {@code order}. */
    public BoundedBytes withOrder(ByteOrder order) {
        return new BoundedBytes(buffer.duplicate().order(order), format, fileName);
    }

    public String fileName() {
        return fileName;
    }

    public int size() {
        return buffer.limit();
    }

    public int u8(long offset, String what) {
        requireRange(offset, 1, what);
        return Byte.toUnsignedInt(buffer.get((int) offset));
    }

    public int u16(long offset, String what) {
        requireRange(offset, 2, what);
        return Short.toUnsignedInt(buffer.getShort((int) offset));
    }

    public long u32(long offset, String what) {
        requireRange(offset, 4, what);
        return Integer.toUnsignedLong(buffer.getInt((int) offset));
    }

    /** A 64-bit field; values above {@link Long#MAX_VALUE} stay unsigned bit patterns. */
    public long u64(long offset, String what) {
        requireRange(offset, 8, what);
        return buffer.getLong((int) offset);
    }

    /** A name in a fixed field of {@code width} bytes, ending at its first NUL or at the field's end. */
    public String fixedString(long offset, int width, String what) {
        requireRange(offset, width, what);
        int length = 0;
        while (length < width && buffer.get((int) offset + length) != 0) {
            length++;
        }
        return latin1(offset, length);
    }

    /** A read-only view of {@code length} bytes at {@code offset}, in this reader's byte order. */
    public ByteBuffer slice(long offset, long length, String what) {
        requireRange(offset, length, what);
        return buffer.slice((int) offset, (int) length).asReadOnlyBuffer().order(buffer.order());
    }

    /** Fails unless {@code count} entries of {@code entrySize} bytes at {@code offset} lie in the file. */
    public void requireTable(long offset, long count, long entrySize, String what) {
        if (Long.compareUnsigned(count, size() / entrySize) > 0) {
            throw malformed(String.format("%s at 0x%x with %s entries of %d bytes extends past the end of the file"
                    + " (size %d)", what, offset, Long.toUnsignedString(count), entrySize, size()));
        }
        requireRange(offset, count * entrySize, what);
    }

    /** Fails unless the {@code length} bytes at {@code offset} (both unsigned) lie in the file. */
    public void requireRange(long offset, long length, String what) {
        long fileSize = size();
        if (Long.compareUnsigned(offset, fileSize) > 0 || Long.compareUnsigned(length, fileSize - offset) > 0) {
            throw malformed(String.format("%s at 0x%s (%s bytes) extends past the end of the file (size %d)",
                    what, Long.toHexString(offset), Long.toUnsignedString(length), fileSize));
        }
    }

    public SpyException malformed(String detail) {
        return malformed(format, fileName, detail);
    }

    private static SpyException malformed(String format, String fileName, String detail) {
        return new SpyException(FailureKind.MALFORMED_INPUT, "malformed " + format + " file '" + fileName + "': "
                + detail);
    }

    /** {@code length} bytes at {@code offset}, which the caller has checked, one character per byte. */
    String latin1(long offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get((int) offset, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
