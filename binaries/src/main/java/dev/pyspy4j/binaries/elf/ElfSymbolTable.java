// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.SHT_GNU_VERSYM;
import static dev.pyspy4j.binaries.elf.ElfConstants.VERSYM_HIDDEN;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Decodes one {@code SHT_SYMTAB} or {@code SHT_DYNSYM} section, with its string table and GNU version flags. */
final class ElfSymbolTable {
    private ElfSymbolTable() {
    }

    /** Every entry of {@code section}, labelled {@code tableLabel}, in file order. */
    static List<ElfSymbol> read(ElfReader reader, ElfSectionTable sections, ElfSectionHeader section,
            String tableLabel) {
        String description = "symbol table [" + section.index + "] '" + section.name + "'";
        int entrySize = entrySize(reader, section, description);
        long declaredCount = Long.divideUnsigned(section.sh_size, entrySize);
        reader.requireTable(section.sh_offset, declaredCount, entrySize, description);
        int count = (int) declaredCount;
        ElfSectionHeader stringSection = sections.byIndex(reader, section.sh_link, "sh_link of " + description);
        ElfStringTable names = ElfStringTable.of(reader, stringSection,
                "string table [" + stringSection.index + "] '" + stringSection.name + "'");
        ByteBuffer versions = versionFlags(reader, sections, section, count);
        List<ElfSymbol> symbols = new ArrayList<>(count);
        int structSize = ElfSymbol.size(reader.is64());
        for (int i = 0; i < count; i++) {
            StructCursor cursor = reader.struct(section.sh_offset + (long) i * entrySize, structSize, description);
            boolean hidden = versions != null && (versions.getShort(2 * i) & VERSYM_HIDDEN) != 0;
            symbols.add(ElfSymbol.read(cursor, names, tableLabel, hidden));
        }
        return symbols;
    }

    private static int entrySize(ElfReader reader, ElfSectionHeader section, String description) {
        int minimum = ElfSymbol.size(reader.is64());
        if (Long.compareUnsigned(section.sh_entsize, minimum) < 0
                || Long.compareUnsigned(section.sh_entsize, reader.size()) > 0) {
            throw reader.malformed(String.format("%s has entry size sh_entsize %s, expected %d",
                    description, Long.toUnsignedString(section.sh_entsize), minimum));
        }
        return (int) section.sh_entsize;
    }

    /**
     * The {@code .gnu.version} array ({@code Elf_Half} per symbol) linked to this table, if any:
     * "The section shall contain an array of elements of type Elfxx_Half [...] The number of elements
     * of the array shall equal the number of symbols in the Dynamic Symbol Table" (LSB, "Symbol Versioning").
     */
    private static ByteBuffer versionFlags(ElfReader reader, ElfSectionTable sections, ElfSectionHeader table,
            int count) {
        for (ElfSectionHeader candidate : sections.all()) {
            if (candidate.sh_type == SHT_GNU_VERSYM && candidate.sh_link == table.index) {
                String description = "symbol version table [" + candidate.index + "] '" + candidate.name + "'";
                if (Long.compareUnsigned(candidate.sh_size, 2L * count) < 0) {
                    throw reader.malformed(String.format("%s has %s bytes for %d symbols", description,
                            Long.toUnsignedString(candidate.sh_size), count));
                }
                return reader.slice(candidate.sh_offset, 2L * count, description);
            }
        }
        return null;
    }
}
