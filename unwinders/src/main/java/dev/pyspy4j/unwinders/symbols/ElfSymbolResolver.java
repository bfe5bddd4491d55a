// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.binaries.demangle.ItaniumDemangler;
import dev.pyspy4j.binaries.symbols.DebugFileLocator;
import dev.pyspy4j.binaries.symbols.ElfFunctionSymbols;
import dev.pyspy4j.binaries.symbols.FunctionSymbol;
import dev.pyspy4j.binaries.symbols.SourceLine;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.nativestack.NativeSymbol;
import dev.pyspy4j.spi.nativestack.SymbolResolver;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.TargetProcess;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Names the addresses of one process: finds the mapping that holds an address, the binary mapped there (read on
 * first use, its table shared through the provider's cache), and the function in that binary's table at the
 * address minus the binary's load bias; where no symbol covers an address, the function whose split-off cold part
 * holds it, if that can be told (see {@link ColdPartScanner}). Used by one sampler thread.
 */
final class ElfSymbolResolver implements SymbolResolver {
    /** Distinct addresses remembered; a deep native profile has a few thousand. */
    static final int CACHED_ADDRESSES = 1 << 16;

    private final TargetProcess target;
    private final ModuleLoader loader;
    private final AddressCache answers = new AddressCache(CACHED_ADDRESSES);
    private final Map<String, LoadedModule> modulesByPath = new HashMap<>();
    private MappedModules mappings;

    ElfSymbolResolver(TargetProcess target, DebugFileLocator locator, SymbolTableCache<ElfFunctionSymbols> tables,
                      SymbolTableCache<ColdParts> coldParts) {
        this.target = target;
        this.loader = new ModuleLoader(target, locator, tables, coldParts);
    }

    @Override
    public NativeSymbol resolve(long address) {
        NativeSymbol cached = answers.get(address);
        if (cached != null) {
            return cached;
        }
        NativeSymbol symbol = lookUp(address);
        answers.put(symbol);
        return symbol;
    }

    @Override
    public void refresh() {
        mappings = null;
        modulesByPath.clear();
        answers.clear();
    }

    @Override
    public void close() {
        refresh();
    }

    private NativeSymbol lookUp(long address) {
        MappedModules modules = mappings();
        Optional<MemoryRegion> region = modules.regionAt(address);
        if (region.isEmpty()) {
            return NativeSymbol.unnamed(address, null);
        }
        String path = region.get().path();
        if (!region.get().isExecutable()) {
            // a return address is always in code; anything else is data of that file, not a function
            return NativeSymbol.unnamed(address, path);
        }
        LoadedModule module = modulesByPath.computeIfAbsent(path, ignored -> loader.load(region.get(), modules));
        Optional<FunctionSymbol> function = module.functionAt(address);
        String linkageName;
        String name;
        if (function.isPresent()) {
            linkageName = function.get().name();
            name = displayName(linkageName);
        } else {
            Optional<String> coldPartOwner = module.coldPartOwnerAt(address);
            if (coldPartOwner.isEmpty()) {
                return NativeSymbol.unnamed(address, path);
            }
            // named as GCC names the part's own (stripped) symbol, so that it reads as part of its function
            linkageName = coldPartOwner.get() + ColdParts.SUFFIX;
            name = displayName(coldPartOwner.get()) + ColdParts.SUFFIX;
        }
        Optional<SourceLine> line = module.sourceLineAt(address);
        return new NativeSymbol(address, path, name, linkageName,
                line.map(SourceLine::file).orElse(null), line.map(SourceLine::line).orElse(0));
    }

    private MappedModules mappings() {
        if (mappings == null) {
            try {
                mappings = MappedModules.of(target.regions());
            } catch (SpyException e) {
                // the process exited or its map cannot be read: nothing can be named until a refresh succeeds
                mappings = MappedModules.empty();
            }
        }
        return mappings;
    }

    /**
     * The name people read: C++ names demangled without their parameters, as a profile shows functions rather than
     * signatures; anything else (C names, names the demangler does not understand) as the binary spells it.
     */
    private static String displayName(String linkageName) {
        return linkageName.startsWith("_Z") ? ItaniumDemangler.demangle(linkageName).orElse(linkageName) : linkageName;
    }
}
