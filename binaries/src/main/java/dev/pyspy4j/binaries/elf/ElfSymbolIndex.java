// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.STB_LOCAL;
import static dev.pyspy4j.binaries.elf.ElfConstants.STT_FILE;
import static dev.pyspy4j.binaries.elf.ElfConstants.STT_SECTION;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Defined symbols by exact name, merged from several tables.
 *
 * <p>When a name occurs more than once, the entry the dynamic linker would bind wins: a default
 * version over a hidden one ({@code name@@VER} over {@code name@VER}), then a global or weak binding
 * over a local one (two static functions may share a name); on a tie the earlier table, then the earlier
 * entry, wins. Undefined entries (imports), file and section symbols are not names of anything here.
 *
 * <p>Tables are read one at a time, on demand: a name found in an earlier table with the best rank cannot be
 * beaten by a later one, so a lookup of an exported name reads only {@code .dynsym}, never the far larger
 * {@code .symtab} nor the compressed MiniDebugInfo.
 */
final class ElfSymbolIndex {
    private static final int BEST_RANK = 3;

    private final List<Supplier<List<ElfSymbol>>> unreadTables;
    private final List<Map<String, ElfSymbol>> readTables = new ArrayList<>();

    private ElfSymbolIndex(List<Supplier<List<ElfSymbol>>> tables) {
        this.unreadTables = new ArrayList<>(tables);
    }

    /** Indexes {@code tables}, in priority order, each read when a lookup first needs it. */
    static ElfSymbolIndex of(List<Supplier<List<ElfSymbol>>> tables) {
        return new ElfSymbolIndex(tables);
    }

    Optional<ElfSymbol> lookup(String name) {
        ElfSymbol best = null;
        for (int table = 0; table < readTables.size() + unreadTables.size(); table++) {
            if (best != null && rank(best) == BEST_RANK) {
                break;
            }
            ElfSymbol candidate = table(table).get(name);
            if (candidate != null && (best == null || rank(candidate) > rank(best))) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private Map<String, ElfSymbol> table(int position) {
        while (readTables.size() <= position) {
            Map<String, ElfSymbol> byName = new HashMap<>();
            for (ElfSymbol symbol : unreadTables.remove(0).get()) {
                offer(byName, symbol);
            }
            readTables.add(byName);
        }
        return readTables.get(position);
    }

    /** Whether {@code symbol} names something and no entry of any table could beat it. */
    static boolean isBestCandidate(ElfSymbol symbol) {
        return namesSomething(symbol) && rank(symbol) == BEST_RANK;
    }

    private static boolean namesSomething(ElfSymbol symbol) {
        return symbol.isDefined() && !symbol.name().isEmpty()
                && symbol.type() != STT_FILE && symbol.type() != STT_SECTION;
    }

    private static void offer(Map<String, ElfSymbol> byName, ElfSymbol symbol) {
        if (!namesSomething(symbol)) {
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
