// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.binaries.elf.ElfBinaryImage;
import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.symbols.DebugFileLocator;
import dev.pyspy4j.binaries.symbols.ElfFunctionSymbols;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.TargetProcess;
import java.nio.ByteBuffer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads the binaries of one process: files through the process's view of the file system, the vDSO from memory. */
final class ModuleLoader {
    /** The vDSO is one or two pages; a much larger region is not one. */
    private static final long MAX_VDSO_SIZE = 1 << 20;

    private final TargetProcess target;
    private final DebugFileLocator locator;
    private final SymbolTableCache<ElfFunctionSymbols> tables;
    private final SymbolTableCache<ColdParts> coldParts;

    ModuleLoader(TargetProcess target, DebugFileLocator locator, SymbolTableCache<ElfFunctionSymbols> tables,
                 SymbolTableCache<ColdParts> coldParts) {
        this.target = target;
        this.locator = locator;
        this.tables = tables;
        this.coldParts = coldParts;
    }

    /** The module mapped at {@code region}; never fails, a binary it cannot read comes back without a table. */
    LoadedModule load(MemoryRegion region, MappedModules modules) {
        String path = region.path();
        try {
            return path.equals(MappedModules.VDSO) ? loadVdso(region) : loadFile(path, modules.mappingsOf(path));
        } catch (SpyException | InvalidPathException e) {
            // a file deleted since it was mapped ("... (deleted)"), unreadable, not ELF, or malformed
            return LoadedModule.unreadable(path);
        }
    }

    private LoadedModule loadFile(String path, List<MemoryRegion> mappings) {
        Path file = target.fileAsSeenByTarget(path);
        ElfFile elf = ElfFile.open(file);
        long bias = ElfBinaryImage.of(elf, path, mappings).loadBias();
        Optional<BinaryKey> key = BinaryKey.of(path, elf.buildId(), file);
        ElfFunctionSymbols symbols = key.isPresent()
                ? tables.get(key.get(), () -> withDebugFile(elf, file, path))
                : withDebugFile(elf, file, path);
        // the file stays mapped only while this module may still need its cold parts
        return LoadedModule.named(path, bias, symbols, () -> key.isPresent()
                ? coldParts.get(key.get(), () -> ColdPartFinder.find(elf, symbols))
                : ColdPartFinder.find(elf, symbols));
    }

    /** The binary's table with its debug file's symbols; a corrupt debug file does not cost the binary's own. */
    private ElfFunctionSymbols withDebugFile(ElfFile elf, Path file, String path) {
        try {
            return ElfFunctionSymbols.of(elf, file, path, locator);
        } catch (SpyException e) {
            return ElfFunctionSymbols.of(elf, file, path, DebugFileLocator.none());
        }
    }

    /**
     * The kernel maps the vDSO as a complete small shared object (headers, {@code .dynsym}, sections), with no file
     * behind it, so it is parsed from the process's memory. Its file offset is 0, so the load bias rule for files
     * applies to the one mapping.
     */
    private LoadedModule loadVdso(MemoryRegion region) {
        if (Long.compareUnsigned(region.size(), MAX_VDSO_SIZE) > 0) {
            return LoadedModule.unreadable(region.path());
        }
        byte[] image = target.memory().readBytes(region.start(), (int) region.size());
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(image), MappedModules.VDSO);
        long bias = ElfBinaryImage.of(elf, MappedModules.VDSO, List.of(region)).loadBias();
        Optional<BinaryKey> key = elf.buildId().map(id -> new BinaryKey(MappedModules.VDSO, id, 0, 0));
        ElfFunctionSymbols symbols = key.isPresent()
                ? tables.get(key.get(), () -> ElfFunctionSymbols.of(elf))
                : ElfFunctionSymbols.of(elf);
        return LoadedModule.named(MappedModules.VDSO, bias, symbols);
    }
}
