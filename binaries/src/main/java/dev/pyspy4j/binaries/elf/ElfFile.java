// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.ET_CORE;
import static dev.pyspy4j.binaries.elf.ElfConstants.NOTE_OWNER_GNU;
import static dev.pyspy4j.binaries.elf.ElfConstants.NT_GNU_BUILD_ID;
import static dev.pyspy4j.binaries.elf.ElfConstants.PT_NOTE;
import static dev.pyspy4j.binaries.elf.ElfConstants.SHT_DYNSYM;
import static dev.pyspy4j.binaries.elf.ElfConstants.SHT_NOTE;
import static dev.pyspy4j.binaries.elf.ElfConstants.SHT_SYMTAB;

import dev.pyspy4j.binaries.BuildId;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A parsed ELF file (System V gABI, elf(5)): header, program and section headers eagerly; symbol
 * tables ({@code .dynsym}, {@code .symtab}, then the {@code .symtab} of the MiniDebugInfo in
 * {@code .gnu_debugdata}) lazily, each on the first symbol lookup that needs it; notes, the build id and the
 * {@code .gnu_debuglink} when asked.
 *
 * <p>Every method that reads the file throws {@code SpyException(MALFORMED_INPUT)} on malformed data.
 * Thread-safe: the lazy parts are built once under the instance's lock.
 */
public final class ElfFile {
    private final ElfReader reader;
    private final ElfHeader header;
    private final ElfSectionTable sections;
    private final List<ElfProgramHeader> programHeaders;
    private final boolean readsMiniDebugInfo;
    private final int miniDebugInfoLimit;
    private ElfSymbolIndex symbolIndex;
    private Optional<ElfGnuHashTable> gnuHashTable;
    private Optional<ElfFile> miniDebugInfo;

    private ElfFile(ByteBuffer bytes, String fileName, boolean readsMiniDebugInfo, int miniDebugInfoLimit) {
        ElfReader raw = ElfReader.over(bytes, fileName);
        this.header = ElfHeader.read(raw);
        this.reader = raw.withLayout(header.is64(), header.byteOrder());
        this.sections = ElfSectionTable.read(reader, header);
        this.programHeaders = ElfProgramHeaderTable.read(reader, header, sections);
        this.readsMiniDebugInfo = readsMiniDebugInfo;
        this.miniDebugInfoLimit = miniDebugInfoLimit;
    }

    /** Maps {@code path} read-only and parses it; the mapping lives as long as this object is reachable. */
    public static ElfFile open(Path path) {
        return parse(ElfFileMapping.map(path), path.toString());
    }

    /** Parses the bytes from {@code bytes}' position to its limit; {@code fileName} names the file in errors. */
    public static ElfFile parse(ByteBuffer bytes, String fileName) {
        return new ElfFile(bytes, fileName, true, MiniDebugInfo.DEFAULT_DECOMPRESSED_LIMIT);
    }

    /** As {@link #parse}, with a different cap on the decompressed size of {@code .gnu_debugdata}. */
    static ElfFile parse(ByteBuffer bytes, String fileName, int miniDebugInfoLimit) {
        return new ElfFile(bytes, fileName, true, miniDebugInfoLimit);
    }

    /** The ELF file inside {@code .gnu_debugdata}, which must not recurse into its own MiniDebugInfo. */
    static ElfFile parseEmbedded(ByteBuffer bytes, String fileName) {
        return new ElfFile(bytes, fileName, false, 0);
    }

    public String fileName() {
        return reader.fileName();
    }

    public ElfHeader header() {
        return header;
    }

    public boolean is64() {
        return header.is64();
    }

    public ByteOrder byteOrder() {
        return header.byteOrder();
    }

    /** The file's size in bytes. */
    public int size() {
        return reader.size();
    }

    public List<ElfProgramHeader> programHeaders() {
        return programHeaders;
    }

    public List<ElfSectionHeader> sectionHeaders() {
        return sections.all();
    }

    /** The first section called {@code name}. */
    public Optional<ElfSectionHeader> section(String name) {
        return sections.byName(Objects.requireNonNull(name, "name is null"));
    }

    /** The bytes of {@code section} in the file, read-only and in the file's byte order. */
    public ByteBuffer sectionData(ElfSectionHeader section) {
        if (!section.hasFileData()) {
            return ByteBuffer.allocate(0).order(byteOrder());
        }
        return reader.slice(section.sh_offset, section.sh_size, "section [" + section.index + "] '" + section.name + "'");
    }

    /**
     * The bytes of {@code segment} in the file ({@code p_filesz} of them at {@code p_offset}), read-only and in the
     * file's byte order.
     *
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT when they do not all lie in the file (a truncated core)
     */
    public ByteBuffer segmentData(ElfProgramHeader segment) {
        return reader.slice(segment.p_offset, segment.p_filesz,
                String.format("segment at file offset 0x%x", segment.p_offset));
    }

    /** Every entry of the first symbol table section of type {@code SHT_SYMTAB} or {@code SHT_DYNSYM}. */
    public List<ElfSymbol> symbolTable(int sectionType) {
        return sectionOfType(sectionType)
                .map(section -> ElfSymbolTable.read(reader, sections, section, section.name))
                .orElse(List.of());
    }

    /**
     * A defined symbol by exact name from {@code .dynsym}, {@code .symtab} and MiniDebugInfo (see {@link ElfSymbolIndex}).
     * An exported name is found through {@code .gnu.hash} without decoding the tables (see {@link ElfGnuHashTable}).
     */
    public synchronized Optional<ElfSymbol> symbol(String name) {
        Objects.requireNonNull(name, "name is null");
        Optional<ElfSymbol> exported = gnuHashTable().flatMap(table -> table.lookup(name));
        if (exported.isPresent()) {
            return exported;
        }
        if (symbolIndex == null) {
            symbolIndex = ElfSymbolIndex.of(symbolTablesInPriorityOrder());
        }
        return symbolIndex.lookup(name);
    }

    /** The hash table of {@code .dynsym}, if the file has a usable one. */
    synchronized Optional<ElfGnuHashTable> gnuHashTable() {
        if (gnuHashTable == null) {
            gnuHashTable = ElfGnuHashTable.of(reader, sections);
        }
        return gnuHashTable;
    }

    /** The ELF file embedded in {@code .gnu_debugdata}, decompressed on first use. */
    public synchronized Optional<ElfFile> miniDebugInfo() {
        if (miniDebugInfo == null) {
            miniDebugInfo = readsMiniDebugInfo ? MiniDebugInfo.read(this, reader, miniDebugInfoLimit) : Optional.empty();
        }
        return miniDebugInfo;
    }

    /**
     * Every note, where {@code readelf -n} finds them: in a core file, or a file without section headers, the
     * {@code PT_NOTE} segments in program header order (a core's sections, if a writer such as gdb adds them, are
     * only a second view of its segments); otherwise the {@code SHT_NOTE} sections in section order.
     */
    public List<ElfNote> notes() {
        List<ElfNote> notes = new ArrayList<>();
        if (header.e_type == ET_CORE || sections.all().isEmpty()) {
            for (ElfProgramHeader segment : programHeaders) {
                if (segment.p_type == PT_NOTE) {
                    notes.addAll(ElfNoteReader.read(reader, segment.p_offset, segment.p_filesz, segment.p_align,
                            String.format("PT_NOTE segment at file offset 0x%x", segment.p_offset)));
                }
            }
            return notes;
        }
        for (ElfSectionHeader section : sections.all()) {
            if (section.sh_type == SHT_NOTE) {
                notes.addAll(ElfNoteReader.read(reader, section.sh_offset, section.sh_size, section.sh_addralign,
                        "section [" + section.index + "] '" + section.name + "'"));
            }
        }
        return notes;
    }

    /** The descriptor of the first {@code NT_GNU_BUILD_ID} note of owner {@code GNU} ({@code ld --build-id}). */
    public Optional<BuildId> buildId() {
        return notes().stream()
                .filter(note -> note.is(NOTE_OWNER_GNU, NT_GNU_BUILD_ID) && note.descriptorSize() > 0)
                .findFirst()
                .map(note -> BuildId.of(note.descriptorBytes()));
    }

    /** The separate debug file that {@code .gnu_debuglink} names, if the section is there. */
    public Optional<GnuDebugLink> debugLink() {
        return GnuDebugLink.read(this);
    }

    /** The symbol tables in priority order, each read (and MiniDebugInfo decompressed) only when asked. */
    private List<Supplier<List<ElfSymbol>>> symbolTablesInPriorityOrder() {
        return List.of(
                () -> symbolTable(SHT_DYNSYM),
                () -> symbolTable(SHT_SYMTAB),
                () -> miniDebugInfo()
                        .flatMap(embedded -> embedded.sectionOfType(SHT_SYMTAB)
                                .map(section -> ElfSymbolTable.read(embedded.reader, embedded.sections, section,
                                        ElfConstants.GNU_DEBUGDATA + " " + section.name)))
                        .orElse(List.of()));
    }

    private Optional<ElfSectionHeader> sectionOfType(int sectionType) {
        return sections.all().stream().filter(section -> section.sh_type == sectionType).findFirst();
    }
}
