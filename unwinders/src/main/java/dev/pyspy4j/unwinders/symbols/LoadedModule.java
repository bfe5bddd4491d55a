// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.binaries.symbols.ElfFunctionSymbols;
import dev.pyspy4j.binaries.symbols.FunctionSymbol;
import java.util.Optional;

/**
 * One binary as a process maps it: its path, its load bias and its function table, or no table when the binary
 * could not be read (gone from disk, unreadable, malformed), in which case its addresses stay unnamed.
 */
final class LoadedModule {
    private final String path;
    private final long loadBias;
    private final ElfFunctionSymbols symbols;

    private LoadedModule(String path, long loadBias, ElfFunctionSymbols symbols) {
        this.path = path;
        this.loadBias = loadBias;
        this.symbols = symbols;
    }

    static LoadedModule named(String path, long loadBias, ElfFunctionSymbols symbols) {
        return new LoadedModule(path, loadBias, symbols);
    }

    static LoadedModule unreadable(String path) {
        return new LoadedModule(path, 0, null);
    }

    String path() {
        return path;
    }

    /** The function holding the run-time {@code address}. */
    Optional<FunctionSymbol> functionAt(long address) {
        return symbols == null ? Optional.empty() : symbols.functionAt(address - loadBias);
    }
}
