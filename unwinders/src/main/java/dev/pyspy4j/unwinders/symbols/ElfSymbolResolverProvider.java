// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.binaries.symbols.DebugFileLocator;
import dev.pyspy4j.binaries.symbols.ElfFunctionSymbols;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.nativestack.SymbolResolver;
import dev.pyspy4j.spi.nativestack.SymbolResolverProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import java.util.List;
import java.util.Objects;

/**
 * Names addresses from the ELF symbol tables of the binaries a Linux process maps: {@code .dynsym},
 * {@code .symtab}, MiniDebugInfo, and the separate debug files under the debug roots as the process sees them
 * (so a container's own {@code /usr/lib/debug} is used for its binaries).
 *
 * <p>Parsed symbol tables are shared by every resolver this provider opens (one per profiled process), keyed by
 * binary path and build id, so profiling a process tree parses each library once.
 */
public final class ElfSymbolResolverProvider implements SymbolResolverProvider {
    /** How many binaries' parsed tables stay cached. */
    static final int CACHED_BINARIES = 128;

    private final List<String> debugRootsInTarget;
    private final SymbolTableCache<ElfFunctionSymbols> tables = new SymbolTableCache<>(CACHED_BINARIES);
    private final SymbolTableCache<ColdParts> coldParts = new SymbolTableCache<>(CACHED_BINARIES);

    /** Debug files under {@code /usr/lib/debug}. */
    public ElfSymbolResolverProvider() {
        this(List.of(DebugFileLocator.DEFAULT_ROOT.toString()));
    }

    /** Debug files under {@code debugRootsInTarget}, paths in the profiled process's file system. */
    public ElfSymbolResolverProvider(List<String> debugRootsInTarget) {
        this.debugRootsInTarget = List.copyOf(Objects.requireNonNull(debugRootsInTarget, "debugRootsInTarget"));
    }

    @Override
    public String id() {
        return "elf";
    }

    @Override
    public boolean isSupported(Platform platform) {
        return platform.os() == OsFamily.LINUX;
    }

    @Override
    public SymbolResolver open(TargetProcess process) {
        DebugFileLocator locator = new DebugFileLocator(debugRootsInTarget.stream()
                .map(process::fileAsSeenByTarget)
                .toList());
        return new ElfSymbolResolver(process, locator, tables, coldParts);
    }

    /** How many binaries' cold parts are cached now. */
    int cachedColdParts() {
        return coldParts.size();
    }

    /** How many binaries' tables are cached now. */
    int cachedBinaries() {
        return tables.size();
    }
}
