// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.spi.SpyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Names the code addresses of one ELF file: its function symbols from {@code .dynsym}, {@code .symtab}, the
 * {@code .symtab} of its MiniDebugInfo ({@code .gnu_debugdata}) and the symbol tables of its separate debug file,
 * read once into a table of sorted address ranges. Addresses are file (link-time) addresses: subtract the load
 * bias from a run-time address first. Thread-safe; the line table is decoded on first use.
 */
public final class ElfFunctionSymbols {
    private final FunctionTable table;
    private final Path debugFile;
    /** The file whose {@code .debug_line} gives source lines: the debug file if there is one, else the binary. */
    private final ElfFile lineSource;
    private LineTable lines;
    private SpyException malformedLines;

    private ElfFunctionSymbols(FunctionTable table, Path debugFile, ElfFile lineSource) {
        this.table = table;
        this.debugFile = debugFile;
        this.lineSource = lineSource;
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
        ElfFile lineSource = binary;
        if (debugFile.isPresent()) {
            ElfFile debug = ElfFile.open(debugFile.get());
            FunctionCandidates.collect(debug, true, candidates);
            if (debug.section(".debug_line").isPresent() || binary.section(".debug_line").isEmpty()) {
                lineSource = debug;
            }
        }
        return new ElfFunctionSymbols(FunctionTable.of(candidates), debugFile.orElse(null), lineSource);
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
        return new ElfFunctionSymbols(FunctionTable.of(candidates), null, binary);
    }

    /**
     * The function that holds {@code fileAddress}: the symbol with a size whose range holds it (the innermost where
     * ranges nest), else a symbol without a size that is the nearest before it in its section and no sized range
     * passes over; among aliases at one address, a global name before a local one, the default version before a
     * hidden one, then the fewest leading underscores, the shortest, the alphabetically first.
     */
    public Optional<FunctionSymbol> functionAt(long fileAddress) {
        return table.at(fileAddress);
    }

    /**
     * The source file and line of the instruction at {@code fileAddress}, from the DWARF line table
     * ({@code .debug_line}, versions 2 to 5, zlib-compressed or not) of the debug file or, without one, of the binary
     * itself; empty when neither carries one or no row covers the address. The table is decoded on the first call.
     *
     * @throws SpyException MALFORMED_INPUT if the line table is malformed (the same exception on every call)
     */
    public synchronized Optional<SourceLine> sourceLineAt(long fileAddress) {
        if (malformedLines != null) {
            throw malformedLines;
        }
        if (lines == null) {
            try {
                lines = LineProgramReader.read(lineSource);
            } catch (SpyException e) {
                // decoded once: a sampler asking again and again must not pay for the same failure each time
                malformedLines = e;
                throw e;
            }
        }
        return lines.at(fileAddress);
    }

    /**
     * Every function symbol that names at least one address, by start address (size 0 for a symbol without a
     * size), for analyses of the code around them.
     */
    public List<FunctionSymbol> functions() {
        return table.functions();
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
