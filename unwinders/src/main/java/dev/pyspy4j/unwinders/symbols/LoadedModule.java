// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.binaries.symbols.ElfFunctionSymbols;
import dev.pyspy4j.binaries.symbols.FunctionSymbol;
import dev.pyspy4j.binaries.symbols.SourceLine;
import dev.pyspy4j.spi.SpyException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One binary as a process maps it: its path, its load bias and its function table, or no table when the binary
 * could not be read (gone from disk, unreadable, malformed), in which case its addresses stay unnamed. Its cold
 * parts are found on the first address no symbol names, as most binaries are never asked about one.
 */
final class LoadedModule {
    private final String path;
    private final long loadBias;
    private final ElfFunctionSymbols symbols;
    private Supplier<ColdParts> findColdParts;
    private ColdParts coldParts;

    private LoadedModule(String path, long loadBias, ElfFunctionSymbols symbols, Supplier<ColdParts> findColdParts) {
        this.path = path;
        this.loadBias = loadBias;
        this.symbols = symbols;
        this.findColdParts = findColdParts;
    }

    static LoadedModule named(String path, long loadBias, ElfFunctionSymbols symbols) {
        return new LoadedModule(path, loadBias, symbols, () -> ColdParts.NONE);
    }

    /** A module whose cold parts {@code findColdParts} finds when first needed. */
    static LoadedModule named(String path, long loadBias, ElfFunctionSymbols symbols,
                              Supplier<ColdParts> findColdParts) {
        return new LoadedModule(path, loadBias, symbols, findColdParts);
    }

    static LoadedModule unreadable(String path) {
        return new LoadedModule(path, 0, null, () -> ColdParts.NONE);
    }

    String path() {
        return path;
    }

    /** The function holding the run-time {@code address}. */
    Optional<FunctionSymbol> functionAt(long address) {
        return symbols == null ? Optional.empty() : symbols.functionAt(address - loadBias);
    }

    /**
     * The function whose split-off cold part holds the run-time {@code address} (see {@link ColdPartScanner}), for an
     * address {@link #functionAt} has no symbol for.
     */
    Optional<String> coldPartOwnerAt(long address) {
        if (coldParts == null) {
            coldParts = findColdParts.get();
            findColdParts = null;
        }
        return coldParts.ownerAt(address - loadBias);
    }

    /**
     * The source line of the run-time {@code address}, when the binary or its debug file has a line table. A
     * malformed line table costs the lines, never the function names.
     */
    Optional<SourceLine> sourceLineAt(long address) {
        if (symbols == null) {
            return Optional.empty();
        }
        try {
            return symbols.sourceLineAt(address - loadBias);
        } catch (SpyException e) {
            return Optional.empty();
        }
    }
}
