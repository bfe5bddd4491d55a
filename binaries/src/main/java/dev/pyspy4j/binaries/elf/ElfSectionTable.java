// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.SHN_UNDEF;
import static dev.pyspy4j.binaries.elf.ElfConstants.SHN_XINDEX;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The section header table with names resolved, including the gABI's extended numbering
 * (more than {@code SHN_LORESERVE} sections: the real count and name-table index live in section 0).
 */
final class ElfSectionTable {
    private final List<ElfSectionHeader> sections;
    private final Map<String, ElfSectionHeader> byName = new HashMap<>();

    private ElfSectionTable(List<ElfSectionHeader> sections) {
        this.sections = Collections.unmodifiableList(sections);
        for (ElfSectionHeader section : sections) {
            byName.putIfAbsent(section.name, section);
        }
    }

    static ElfSectionTable read(ElfReader reader, ElfHeader header) {
        if (header.e_shoff == 0) {
            // gABI: "If the file has no section header table, e_shoff holds zero."
            return new ElfSectionTable(new ArrayList<>());
        }
        int entrySize = header.e_shentsize;
        if (entrySize < ElfSectionHeader.size(reader.is64())) {
            throw reader.malformed("section header size e_shentsize " + entrySize + " is smaller than "
                    + ElfSectionHeader.size(reader.is64()));
        }
        if (header.e_shnum != 0) {
            reader.requireTable(header.e_shoff, header.e_shnum, entrySize, "section header table");
        }
        ElfSectionHeader first = readHeader(reader, header, 0, null);
        // gABI extended numbering: e_shnum == 0 means the real count is in sh_size of section header 0.
        long count = header.e_shnum == 0 ? first.sh_size : header.e_shnum;
        reader.requireTable(header.e_shoff, count, entrySize, "section header table");
        ElfStringTable names = nameTable(reader, header, first, (int) count);
        List<ElfSectionHeader> sections = new ArrayList<>((int) count);
        for (int index = 0; index < count; index++) {
            sections.add(readHeader(reader, header, index, names));
        }
        return new ElfSectionTable(sections);
    }

    List<ElfSectionHeader> all() {
        return sections;
    }

    Optional<ElfSectionHeader> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The section at {@code index}, which {@code referrer} (e.g. "sh_link of section [5]") must name validly. */
    ElfSectionHeader byIndex(ElfReader reader, long index, String referrer) {
        if (index <= 0 || index >= sections.size()) {
            throw reader.malformed(String.format("%s names section %d, but the file has %d sections",
                    referrer, index, sections.size()));
        }
        return sections.get((int) index);
    }

    /** The program header count when {@code e_phnum} is {@code PN_XNUM}: {@code sh_info} of section 0 (gABI). */
    long extendedProgramHeaderCount() {
        return sections.isEmpty() ? 0 : sections.get(0).sh_info;
    }

    private static ElfStringTable nameTable(ElfReader reader, ElfHeader header, ElfSectionHeader first, int count) {
        long index = header.e_shstrndx == SHN_XINDEX ? first.sh_link : header.e_shstrndx;
        if (index == SHN_UNDEF) {
            return null;
        }
        if (index >= count) {
            throw reader.malformed(String.format("section name table index e_shstrndx %d is not below the section"
                    + " count %d", index, count));
        }
        ElfSectionHeader nameSection = readHeader(reader, header, (int) index, null);
        return ElfStringTable.of(reader, nameSection, "section name string table [" + index + "]");
    }

    private static ElfSectionHeader readHeader(ElfReader reader, ElfHeader header, int index, ElfStringTable names) {
        long offset = header.e_shoff + (long) index * header.e_shentsize;
        StructCursor cursor = reader.struct(offset, ElfSectionHeader.size(reader.is64()), "section header " + index);
        return ElfSectionHeader.read(index, cursor, names);
    }
}
