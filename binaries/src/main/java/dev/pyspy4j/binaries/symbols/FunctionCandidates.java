// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import static dev.pyspy4j.binaries.elf.ElfConstants.SHN_ABS;
import static dev.pyspy4j.binaries.elf.ElfConstants.SHN_LORESERVE;
import static dev.pyspy4j.binaries.elf.ElfConstants.SHT_DYNSYM;
import static dev.pyspy4j.binaries.elf.ElfConstants.SHT_SYMTAB;
import static dev.pyspy4j.binaries.elf.ElfConstants.STB_LOCAL;
import static dev.pyspy4j.binaries.elf.ElfConstants.STT_FUNC;
import static dev.pyspy4j.binaries.elf.ElfConstants.STT_GNU_IFUNC;

import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfSectionHeader;
import dev.pyspy4j.binaries.elf.ElfSymbol;
import java.util.List;

/** The function symbols of one ELF file as {@link FunctionCandidate}s. */
final class FunctionCandidates {
    private FunctionCandidates() {
    }

    /**
     * The defined {@code STT_FUNC} and {@code STT_GNU_IFUNC} symbols of {@code elf}'s {@code .dynsym} and
     * {@code .symtab} and, when {@code withMiniDebugInfo}, of the {@code .symtab} in its {@code .gnu_debugdata}.
     *
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT if a table is malformed
     */
    static void collect(ElfFile elf, boolean withMiniDebugInfo, List<FunctionCandidate> into) {
        collectTable(elf, elf.symbolTable(SHT_DYNSYM), into);
        collectTable(elf, elf.symbolTable(SHT_SYMTAB), into);
        if (withMiniDebugInfo) {
            elf.miniDebugInfo().ifPresent(embedded -> collectTable(embedded, embedded.symbolTable(SHT_SYMTAB), into));
        }
    }

    private static void collectTable(ElfFile elf, List<ElfSymbol> table, List<FunctionCandidate> into) {
        List<ElfSectionHeader> sections = elf.sectionHeaders();
        for (ElfSymbol symbol : table) {
            if (!isFunction(symbol)) {
                continue;
            }
            String name = symbol.name();
            boolean defaultVersion = !symbol.isVersionHidden();
            int versionAt = name.indexOf('@');
            if (versionAt > 0) {
                // A .symtab keeps the assembler's versioned name: "name@VER" (hidden) or "name@@VER" (default), as
                // glibc's compatibility symbols do. No C or C++ name holds '@', so the rest is the version.
                defaultVersion &= name.startsWith("@@", versionAt);
                name = name.substring(0, versionAt);
            }
            into.add(new FunctionCandidate(name, symbol.st_value, symbol.st_size, sectionEnd(sections, symbol),
                    symbol.binding() != STB_LOCAL, defaultVersion));
        }
    }

    /**
     * Code symbols defined here. An indirect function ({@code STT_GNU_IFUNC}, e.g. glibc's {@code memcpy}) names its
     * resolver's code, which is code of this file like any other. Absolute symbols are left out: their value is
     * not an address in the file that a load bias moves.
     */
    private static boolean isFunction(ElfSymbol symbol) {
        int type = symbol.type();
        return (type == STT_FUNC || type == STT_GNU_IFUNC) && symbol.isDefined() && symbol.st_shndx != SHN_ABS
                && !symbol.name().isEmpty();
    }

    /**
     * The first address after the section holding {@code symbol}, if its {@code st_shndx} names a section whose
     * addresses hold the symbol; otherwise -1, "unknown". A separate debug file keeps its binary's section
     * addresses (its code sections become {@code SHT_NOBITS} but keep {@code sh_addr} and {@code sh_size}).
     */
    private static long sectionEnd(List<ElfSectionHeader> sections, ElfSymbol symbol) {
        int index = symbol.st_shndx;
        if (index <= 0 || index >= SHN_LORESERVE || index >= sections.size()) {
            return -1L;
        }
        ElfSectionHeader section = sections.get(index);
        long end = section.sh_addr + section.sh_size;
        boolean holds = Long.compareUnsigned(section.sh_addr, symbol.st_value) <= 0
                && Long.compareUnsigned(symbol.st_value, end) < 0;
        return holds ? end : -1L;
    }
}
