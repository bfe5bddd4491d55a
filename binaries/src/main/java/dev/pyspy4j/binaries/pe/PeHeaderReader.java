// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.pe;

import dev.pyspy4j.binaries.BoundedBytes;
import dev.pyspy4j.binaries.NulTerminatedStrings;
import java.util.ArrayList;
import java.util.List;

/** Reads the DOS stub's pointer, the PE signature, the COFF header, the PE32+ optional header and the section table. */
final class PeHeaderReader {
    private static final int DOS_MAGIC = 0x5a4d;
    private static final int E_LFANEW = 0x3c;
    private static final long PE_SIGNATURE = 0x0000_4550L;
    private static final int COFF_HEADER_SIZE = 20;
    private static final int PE32_MAGIC = 0x10b;
    private static final int PE32_PLUS_MAGIC = 0x20b;
    /** Offset of the data directories in the PE32+ optional header. */
    private static final int PE32_PLUS_DIRECTORIES = 112;
    private static final int COFF_SYMBOL_SIZE = 18;

    private final BoundedBytes bytes;
    final PeHeaders headers;
    final List<PeSection> sections;
    /** The COFF string table, read once for all the {@code /n} section names. */
    private NulTerminatedStrings longNames;

    private PeHeaderReader(BoundedBytes bytes) {
        this.bytes = bytes;
        if (bytes.size() < 2 || bytes.u16(0, "DOS header") != DOS_MAGIC) {
            throw bytes.malformed("no DOS header (the file does not start with 'MZ')");
        }
        long peOffset = bytes.u32(E_LFANEW, "DOS header's e_lfanew");
        if (bytes.u32(peOffset, "PE signature") != PE_SIGNATURE) {
            throw bytes.malformed(String.format("no PE signature at e_lfanew 0x%x", peOffset));
        }
        long coff = peOffset + 4;
        String what = "COFF file header";
        bytes.requireRange(coff, COFF_HEADER_SIZE, what);
        int optionalSize = bytes.u16(coff + 16, what);
        long optional = coff + COFF_HEADER_SIZE;
        this.headers = readOptionalHeader(bytes.u16(coff, what), bytes.u16(coff + 2, what), bytes.u32(coff + 4, what),
                bytes.u32(coff + 8, what), bytes.u32(coff + 12, what), optionalSize, bytes.u16(coff + 18, what),
                optional);
        this.sections = readSections(optional + optionalSize);
    }

    static PeHeaderReader read(BoundedBytes bytes) {
        return new PeHeaderReader(bytes);
    }

    private PeHeaders readOptionalHeader(int machine, int sectionCount, long timeDateStamp, long symbolTableOffset,
            long symbolCount, int optionalSize, int characteristics, long optional) {
        String what = "optional header";
        if (optionalSize < PE32_PLUS_DIRECTORIES) {
            int magic = optionalSize >= 2 ? bytes.u16(optional, what) : 0;
            throw bytes.malformed(magic == PE32_MAGIC ? "a PE32 (32-bit) image; only PE32+ images are read"
                    : "SizeOfOptionalHeader " + optionalSize + " is too small for a PE32+ optional header");
        }
        bytes.requireRange(optional, optionalSize, what);
        int magic = bytes.u16(optional, what);
        if (magic != PE32_PLUS_MAGIC) {
            throw bytes.malformed(magic == PE32_MAGIC ? "a PE32 (32-bit) image; only PE32+ images are read"
                    : String.format("optional header magic 0x%x is not PE32+'s 0x%x", magic, PE32_PLUS_MAGIC));
        }
        long directoryCount = bytes.u32(optional + 108, what);
        long directoriesThatFit = (optionalSize - PE32_PLUS_DIRECTORIES) / 8;
        boolean hasExportEntry = directoryCount > 0 && directoriesThatFit > 0;
        long exportRva = hasExportEntry ? bytes.u32(optional + PE32_PLUS_DIRECTORIES, what) : 0;
        long exportSize = hasExportEntry ? bytes.u32(optional + PE32_PLUS_DIRECTORIES + 4, what) : 0;
        return new PeHeaders(machine, sectionCount, timeDateStamp, symbolTableOffset, symbolCount, optionalSize,
                characteristics, bytes.u64(optional + 24, what), bytes.u32(optional + 56, what), exportRva, exportSize);
    }

    private List<PeSection> readSections(long table) {
        bytes.requireTable(table, headers.sectionCount(), PeSection.SIZE, "section table");
        List<PeSection> read = new ArrayList<>(headers.sectionCount());
        for (int i = 0; i < headers.sectionCount(); i++) {
            long at = table + (long) i * PeSection.SIZE;
            String what = "section header " + (i + 1);
            read.add(new PeSection(i + 1, sectionName(bytes.fixedString(at, 8, what), what), bytes.u32(at + 8, what),
                    bytes.u32(at + 12, what), bytes.u32(at + 16, what), bytes.u32(at + 20, what),
                    bytes.u32(at + 36, what)));
        }
        return List.copyOf(read);
    }

    /** The name itself, or for {@code /n} the string at decimal offset n of the COFF string table. */
    private String sectionName(String field, String what) {
        if (!field.startsWith("/") || field.length() < 2 || headers.symbolTableOffset() == 0
                || !field.chars().skip(1).allMatch(c -> c >= '0' && c <= '9')) {
            return field;
        }
        long stringTable = headers.symbolTableOffset() + headers.symbolCount() * COFF_SYMBOL_SIZE;
        long tableSize = bytes.u32(stringTable, "COFF string table");
        long offset = Long.parseLong(field.substring(1));
        if (offset < 4 || offset >= tableSize) {
            throw bytes.malformed(String.format("%s: name %s lies outside the COFF string table of %d bytes", what,
                    field, tableSize));
        }
        if (longNames == null) {
            longNames = new NulTerminatedStrings(bytes, stringTable, tableSize, "COFF string table");
        }
        return longNames.at(stringTable + offset, what + " long name");
    }
}
