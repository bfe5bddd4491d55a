// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A string table section ({@code SHT_STRTAB}): NUL-terminated names addressed by byte offset
 * (System V gABI, "String Table"). A name running into the end of the section is malformed.
 *
 * <p>Linkers share strings between symbols (same offset) and tails of strings (an offset inside
 * another name), so a table legitimately decodes to more bytes than it holds; but a crafted table whose
 * offsets all point into one long unterminated run would cost time and memory quadratic in its size.
 * Repeated offsets are therefore cached, and the bytes decoded for distinct offsets are capped.
 */
final class ElfStringTable {
    /** Fixed allowance on top of {@link #DECODED_BYTES_PER_TABLE_BYTE} times the table size. */
    private static final long DECODED_BYTES_ALLOWANCE = 1L << 20;
    private static final long DECODED_BYTES_PER_TABLE_BYTE = 4;

    private final ElfReader reader;
    private final ByteBuffer bytes;
    private final String description;
    private final Map<Integer, String> decoded = new HashMap<>();
    private long decodeBudget;

    private ElfStringTable(ElfReader reader, ByteBuffer bytes, String description) {
        this.reader = reader;
        this.bytes = bytes;
        this.description = description;
        this.decodeBudget = DECODED_BYTES_ALLOWANCE + DECODED_BYTES_PER_TABLE_BYTE * bytes.limit();
    }

    /** The string table whose section header is {@code header}; {@code description} names it in errors. */
    static ElfStringTable of(ElfReader reader, ElfSectionHeader header, String description) {
        if (!header.hasFileData()) {
            throw reader.malformed(description + " has no bytes in the file (SHT_NOBITS)");
        }
        return new ElfStringTable(reader, reader.slice(header.sh_offset, header.sh_size, description), description);
    }

    /** The NUL-terminated string starting {@code offset} bytes into the table. */
    String stringAt(long offset) {
        int size = bytes.limit();
        if (Long.compareUnsigned(offset, size) >= 0) {
            throw reader.malformed(String.format("name offset 0x%x is outside %s (size %d)", offset, description, size));
        }
        String cached = decoded.get((int) offset);
        return cached != null ? cached : decode((int) offset);
    }

    private String decode(int start) {
        int end = start;
        int size = bytes.limit();
        while (end < size && bytes.get(end) != 0) {
            end++;
        }
        if (end == size) {
            throw reader.malformed(String.format("name at offset 0x%x in %s has no terminating NUL", start, description));
        }
        decodeBudget -= end - start + 1;
        if (decodeBudget < 0) {
            throw reader.malformed(String.format("names in %s overlap implausibly (more than %d bytes decoded"
                    + " from %d)", description, DECODED_BYTES_ALLOWANCE + DECODED_BYTES_PER_TABLE_BYTE * size, size));
        }
        byte[] name = new byte[end - start];
        bytes.get(start, name);
        String value = new String(name, StandardCharsets.UTF_8);
        decoded.put(start, value);
        return value;
    }
}
