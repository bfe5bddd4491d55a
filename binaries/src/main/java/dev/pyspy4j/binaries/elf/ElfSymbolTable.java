// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.SHT_GNU_VERSYM;
import static dev.pyspy4j.binaries.elf.ElfConstants.VERSYM_HIDDEN;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code SHT_SYMTAB} or {@code SHT_DYNSYM} section, with its string table and GNU version flags: every entry
 * decoded at once, or single entries by index (a hash table's lookup needs only the few it names).
 */
final class ElfSymbolTable {
    private final ElfReader reader;
    private final ElfSectionHeader section;
    private final String description;
    private final String tableLabel;
    private final int entrySize;
    private final int count;
    private final ElfStringTable names;
    private final ByteBuffer versions;

    private ElfSymbolTable(ElfReader reader, ElfSectionTable sections, ElfSectionHeader section, String tableLabel) {
        this.reader = reader;
        this.section = section;
        this.tableLabel = tableLabel;
        this.description = "symbol table [" + section.index + "] '" + section.name + "'";
        this.entrySize = entrySize(reader, section, description);
        long declaredCount = Long.divideUnsigned(section.sh_size, entrySize);
        reader.requireTable(section.sh_offset, declaredCount, entrySize, description);
        this.count = (int) declaredCount;
        ElfSectionHeader stringSection = sections.byIndex(reader, section.sh_link, "sh_link of " + description);
        this.names = ElfStringTable.of(reader, stringSection,
                "string table [" + stringSection.index + "] '" + stringSection.name + "'");
        this.versions = versionFlags(reader, sections, section, count);
    }

    /** The table of {@code section}, its entries labelled {@code tableLabel}; checks its bounds, decodes nothing. */
    static ElfSymbolTable open(ElfReader reader, ElfSectionTable sections, ElfSectionHeader section,
            String tableLabel) {
        return new ElfSymbolTable(reader, sections, section, tableLabel);
    }

    /** Every entry of {@code section}, labelled {@code tableLabel}, in file order. */
    static List<ElfSymbol> read(ElfReader reader, ElfSectionTable sections, ElfSectionHeader section,
            String tableLabel) {
        return open(reader, sections, section, tableLabel).all();
    }

    /** The number of entries. */
    int count() {
        return count;
    }

    /** The entry at {@code index}, which must be below {@link #count()}. */
    ElfSymbol entry(int index) {
        StructCursor cursor = reader.struct(section.sh_offset + (long) index * entrySize, ElfSymbol.size(reader.is64()),
                description);
        boolean hidden = versions != null && (versions.getShort(2 * index) & VERSYM_HIDDEN) != 0;
        return ElfSymbol.read(cursor, names, tableLabel, hidden);
    }

    /** Every entry in file order. */
    List<ElfSymbol> all() {
        List<ElfSymbol> symbols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            symbols.add(entry(i));
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
