// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.SHN_ABS;
import static dev.pyspy4j.binaries.elf.ElfConstants.STT_TLS;

import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ELF executable or shared object as mapped in a target process: symbols and sections at their
 * run-time addresses (file address plus the {@link LoadBias load bias}).
 *
 * <p>Lookups throw {@code SpyException(MALFORMED_INPUT)} if the symbol tables, which are read on the
 * first lookup, are malformed. Thread-safe.
 */
public final class ElfBinaryImage implements BinaryImage {
    private final ElfFile elf;
    private final String path;
    private final long loadBias;

    private ElfBinaryImage(ElfFile elf, String path, long loadBias) {
        this.elf = elf;
        this.path = path;
        this.loadBias = loadBias;
    }

    /**
     * Parses {@code fileToRead} (e.g. {@code /proc/<pid>/root/usr/lib/libpython3.11.so}) and relocates it by
     * the bias that {@code mappingsOfThatFile} (the target's mappings of that file) imply.
     *
     * @param pathInTarget the file's path as the target maps it, reported by {@link #path()}
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT if the file is malformed or matches none of the
     *         mappings; PERMISSION_DENIED if it cannot be opened for reading
     */
    public static ElfBinaryImage load(Path fileToRead, String pathInTarget, List<MemoryRegion> mappingsOfThatFile) {
        Objects.requireNonNull(fileToRead, "fileToRead is null");
        return of(ElfFile.open(fileToRead), pathInTarget, mappingsOfThatFile);
    }

    /** The image of an already parsed file. */
    public static ElfBinaryImage of(ElfFile elf, String pathInTarget, List<MemoryRegion> mappingsOfThatFile) {
        Objects.requireNonNull(pathInTarget, "pathInTarget is null");
        Objects.requireNonNull(mappingsOfThatFile, "mappingsOfThatFile is null");
        return new ElfBinaryImage(elf, pathInTarget, LoadBias.of(elf, mappingsOfThatFile));
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public long loadBias() {
        return loadBias;
    }

    /** The parsed file, for callers that need more than the {@link BinaryImage} view. */
    public ElfFile elfFile() {
        return elf;
    }

    /**
     * A defined symbol at its run-time address. Thread-local ({@code STT_TLS}) symbols are left out: their
     * value is an offset in each thread's TLS block, not an address.
     */
    @Override
    public Optional<Symbol> symbol(String name) {
        return elf.symbol(name)
                .filter(symbol -> symbol.type() != STT_TLS)
                .map(symbol -> new Symbol(symbol.name(), runtimeAddress(symbol), symbol.st_size));
    }

    /** An allocated section ({@code SHF_ALLOC}) at its run-time address; other sections are not in memory. */
    @Override
    public Optional<Section> section(String name) {
        return elf.section(name)
                .filter(ElfSectionHeader::isAllocated)
                .map(section -> new Section(section.name, section.sh_addr + loadBias, section.sh_size));
    }

    private long runtimeAddress(ElfSymbol symbol) {
        // glibc's SYMBOL_ADDRESS (ldsodefs.h) does not relocate absolute symbols: their value is the address.
        return symbol.st_shndx == SHN_ABS ? symbol.st_value : symbol.st_value + loadBias;
    }

    @Override
    public String toString() {
        return String.format("ElfBinaryImage[%s, load bias 0x%x]", path, loadBias);
    }
}
