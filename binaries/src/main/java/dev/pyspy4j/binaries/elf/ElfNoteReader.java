// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the notes packed in one {@code SHT_NOTE} section or {@code PT_NOTE} segment. Each is a header of three
 * 4-byte words ({@code n_namesz}, {@code n_descsz}, {@code n_type}; 4 bytes in 64-bit files too), the name and the
 * descriptor, each padded to the section's or segment's alignment: 4, or 8 for notes such as
 * {@code .note.gnu.property} in 64-bit files (the rule binutils' readelf applies).
 */
final class ElfNoteReader {
    private static final int HEADER_SIZE = 12;

    private ElfNoteReader() {
    }

    /** The notes in the {@code size} bytes at {@code offset}, aligned to {@code alignment}; {@code location} names them. */
    static List<ElfNote> read(ElfReader reader, long offset, long size, long alignment, String location) {
        int align = noteAlignment(reader, alignment, location);
        ByteBuffer bytes = reader.slice(offset, size, location);
        List<ElfNote> notes = new ArrayList<>();
        int at = 0;
        int end = bytes.limit();
        while (at < end) {
            if (end - at < HEADER_SIZE) {
                throw reader.malformed(String.format("note at offset 0x%x of %s is cut off after %d bytes of its"
                        + " %d-byte header", at, location, end - at, HEADER_SIZE));
            }
            long nameSize = Integer.toUnsignedLong(bytes.getInt(at));
            long descriptorSize = Integer.toUnsignedLong(bytes.getInt(at + 4));
            long type = Integer.toUnsignedLong(bytes.getInt(at + 8));
            long nameStart = at + HEADER_SIZE;
            long descriptorStart = alignUp(nameStart + nameSize, align);
            long descriptorEnd = descriptorStart + descriptorSize;
            if (descriptorEnd > end) {
                throw reader.malformed(String.format("note at offset 0x%x of %s (name %d bytes, descriptor %d bytes)"
                        + " extends past its end (size %d)", at, location, nameSize, descriptorSize, end));
            }
            notes.add(new ElfNote(owner(bytes, (int) nameStart, (int) nameSize), type,
                    bytes.slice((int) descriptorStart, (int) descriptorSize).order(bytes.order()), location));
            // only the descriptor must fit: the padding after the last one may be left out of the size
            at = (int) Math.min(alignUp(descriptorEnd, align), end);
        }
        return notes;
    }

    private static int noteAlignment(ElfReader reader, long alignment, String location) {
        // gABI: sh_addralign / p_align 0 and 1 mean no constraint; notes are then 4-aligned as in every older file.
        if (alignment <= 4 && alignment >= 0) {
            return 4;
        }
        if (alignment == 8) {
            return 8;
        }
        throw reader.malformed(String.format("%s has alignment %s, expected 4 or 8 for notes", location,
                Long.toUnsignedString(alignment)));
    }

    /** The name up to its first NUL: {@code n_namesz} counts the terminator, and some producers pad with more. */
    private static String owner(ByteBuffer bytes, int start, int size) {
        int length = 0;
        while (length < size && bytes.get(start + length) != 0) {
            length++;
        }
        byte[] name = new byte[length];
        bytes.get(start, name);
        return new String(name, StandardCharsets.UTF_8);
    }

    private static long alignUp(long value, int align) {
        return (value + align - 1) & -align;
    }
}
