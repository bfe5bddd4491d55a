// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.SHF_ALLOC;
import static dev.pyspy4j.binaries.elf.ElfConstants.SHT_NOBITS;

/** One section header ({@code ElfN_Shdr}, elf(5)) with its name resolved from the section name string table. */
public final class ElfSectionHeader {
    /** Size of {@code Elf32_Shdr}. */
    static final int SIZE_32 = 40;
    /** Size of {@code Elf64_Shdr}. */
    static final int SIZE_64 = 64;

    public final int index;
    public final String name;
    public final long sh_name;
    public final long sh_type;
    public final long sh_flags;
    public final long sh_addr;
    public final long sh_offset;
    public final long sh_size;
    public final long sh_link;
    public final long sh_info;
    public final long sh_addralign;
    public final long sh_entsize;

    private ElfSectionHeader(int index, StructCursor c, ElfStringTable names) {
        this.index = index;
        // typedef struct {
        //     ElfN_Word sh_name; ElfN_Word sh_type; ElfN_Word/Xword sh_flags; ElfN_Addr sh_addr;
        //     ElfN_Off sh_offset; ElfN_Word/Xword sh_size; ElfN_Word sh_link; ElfN_Word sh_info;
        //     ElfN_Word/Xword sh_addralign; ElfN_Word/Xword sh_entsize;
        // } ElfN_Shdr;   (Word in Elf32_Shdr, Xword in Elf64_Shdr)
        sh_name = c.u32();
        sh_type = c.u32();
        sh_flags = c.uClass();
        sh_addr = c.uClass();
        sh_offset = c.uClass();
        sh_size = c.uClass();
        sh_link = c.u32();
        sh_info = c.u32();
        sh_addralign = c.uClass();
        sh_entsize = c.uClass();
        this.name = names == null ? "" : names.stringAt(sh_name);
    }

    /** Reads the header at {@code cursor}; {@code names} is null while the name table itself is being located. */
    static ElfSectionHeader read(int index, StructCursor cursor, ElfStringTable names) {
        return new ElfSectionHeader(index, cursor, names);
    }

    static int size(boolean is64) {
        return is64 ? SIZE_64 : SIZE_32;
    }

    /** Whether the section has bytes in the file ({@code SHT_NOBITS} sections such as {@code .bss} have none). */
    public boolean hasFileData() {
        return sh_type != SHT_NOBITS;
    }

    /** Whether the section occupies memory at run time. */
    public boolean isAllocated() {
        return (sh_flags & SHF_ALLOC) != 0;
    }

    @Override
    public String toString() {
        return String.format("ElfSectionHeader[%d %s, sh_type=0x%x, sh_addr=0x%x, sh_offset=0x%x, sh_size=0x%x]",
                index, name, sh_type, sh_addr, sh_offset, sh_size);
    }
}
