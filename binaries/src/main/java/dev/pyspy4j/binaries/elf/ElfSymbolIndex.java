// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.STB_LOCAL;
import static dev.pyspy4j.binaries.elf.ElfConstants.STT_FILE;
import static dev.pyspy4j.binaries.elf.ElfConstants.STT_SECTION;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Defined symbols by exact name, merged from several tables.
 *
 * <p>When a name occurs more than once, the entry the dynamic linker would bind wins: a default
 * version over a hidden one ({@code name@@VER} over {@code name@VER}), then a global or weak binding
 * over a local one (two static functions may share a name); on a tie the earlier table, then the earlier
 * entry, wins. Undefined entries (imports), file and section symbols are not names of anything here.
 */
final class ElfSymbolIndex {
    private final Map<String, ElfSymbol> byName = new HashMap<>();

    /** Indexes {@code tables} in priority order. */
    static ElfSymbolIndex of(List<List<ElfSymbol>> tables) {
        ElfSymbolIndex index = new ElfSymbolIndex();
        for (List<ElfSymbol> table : tables) {
            table.forEach(index::offer);
        }
        return index;
    }

    Optional<ElfSymbol> lookup(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    int size() {
        return byName.size();
    }

    private void offer(ElfSymbol symbol) {
        if (!symbol.isDefined() || symbol.name().isEmpty()
                || symbol.type() == STT_FILE || symbol.type() == STT_SECTION) {
            return;
        }
        ElfSymbol current = byName.get(symbol.name());
        if (current == null || rank(symbol) > rank(current)) {
            byName.put(symbol.name(), symbol);
        }
    }

    private static int rank(ElfSymbol symbol) {
        int versionRank = symbol.isVersionHidden() ? 0 : 2;
        int bindingRank = symbol.binding() == STB_LOCAL ? 0 : 1;
        return versionRank + bindingRank;
    }
}
