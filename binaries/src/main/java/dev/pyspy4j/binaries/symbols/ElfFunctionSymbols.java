// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import dev.pyspy4j.binaries.elf.ElfFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Names the code addresses of one ELF file: its function symbols from {@code .dynsym}, {@code .symtab}, the
 * {@code .symtab} of its MiniDebugInfo ({@code .gnu_debugdata}) and the symbol tables of its separate debug file,
 * read once into a {@link FunctionTable}. Addresses are file (link-time) addresses: subtract the load bias from a
 * run-time address first. Immutable and thread-safe once built.
 */
public final class ElfFunctionSymbols {
    private final FunctionTable table;
    private final Path debugFile;

    private ElfFunctionSymbols(FunctionTable table, Path debugFile) {
        this.table = table;
        this.debugFile = debugFile;
    }

    /**
     * Reads the file at {@code fileToRead} and the debug file {@code locator} finds for it.
     *
     * @param pathInTarget the file's path as its process sees it (see {@link DebugFileLocator#locate})
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT if the file, its MiniDebugInfo or its debug file is
     *         malformed; PERMISSION_DENIED if one of them cannot be read
     */
    public static ElfFunctionSymbols load(Path fileToRead, String pathInTarget, DebugFileLocator locator) {
        return of(ElfFile.open(fileToRead), fileToRead, pathInTarget, locator);
    }

    /** As {@link #load}, for a file already parsed from {@code fileToRead}. */
    public static ElfFunctionSymbols of(ElfFile binary, Path fileToRead, String pathInTarget,
            DebugFileLocator locator) {
        Objects.requireNonNull(fileToRead, "fileToRead is null");
        Objects.requireNonNull(pathInTarget, "pathInTarget is null");
        List<FunctionCandidate> candidates = new ArrayList<>();
        FunctionCandidates.collect(binary, true, candidates);
        Optional<Path> debugFile = locator.locate(binary, fileToRead, pathInTarget);
        if (debugFile.isPresent()) {
            FunctionCandidates.collect(ElfFile.open(debugFile.get()), true, candidates);
        }
        return new ElfFunctionSymbols(FunctionTable.of(candidates), debugFile.orElse(null));
    }

    /**
     * The symbols of {@code binary} alone (its tables and its MiniDebugInfo), for an image with no file to find a
     * debug file for, such as the vDSO read from a process's memory.
     *
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT if a symbol table is malformed
     */
    public static ElfFunctionSymbols of(ElfFile binary) {
        List<FunctionCandidate> candidates = new ArrayList<>();
        FunctionCandidates.collect(binary, true, candidates);
        return new ElfFunctionSymbols(FunctionTable.of(candidates), null);
    }

    /** The function that holds {@code fileAddress} (see {@link FunctionTable} for which one). */
    public Optional<FunctionSymbol> functionAt(long fileAddress) {
        return table.at(fileAddress);
    }

    /** How many distinct function symbols name addresses. */
    public int functionCount() {
        return table.functionCount();
    }

    /** The separate debug file whose symbols were merged in, if one was found. */
    public Optional<Path> debugFile() {
        return Optional.ofNullable(debugFile);
    }
}
