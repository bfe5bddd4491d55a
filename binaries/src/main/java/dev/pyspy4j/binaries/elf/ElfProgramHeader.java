// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.PF_X;
import static dev.pyspy4j.binaries.elf.ElfConstants.PT_LOAD;

/** One program header ({@code ElfN_Phdr}, elf(5)): a segment the loader maps. */
public final class ElfProgramHeader {
    /** Size of {@code Elf32_Phdr}. */
    static final int SIZE_32 = 32;
    /** Size of {@code Elf64_Phdr}. */
    static final int SIZE_64 = 56;

    public final long p_type;
    public final long p_flags;
    public final long p_offset;
    public final long p_vaddr;
    public final long p_paddr;
    public final long p_filesz;
    public final long p_memsz;
    public final long p_align;

    private ElfProgramHeader(StructCursor c) {
        // typedef struct {
        //     Elf32_Word p_type; Elf32_Off p_offset; Elf32_Addr p_vaddr; Elf32_Addr p_paddr;
        //     Elf32_Word p_filesz; Elf32_Word p_memsz; Elf32_Word p_flags; Elf32_Word p_align;
        // } Elf32_Phdr;
        // typedef struct {
        //     Elf64_Word p_type; Elf64_Word p_flags; Elf64_Off p_offset; Elf64_Addr p_vaddr;
        //     Elf64_Addr p_paddr; Elf64_Xword p_filesz; Elf64_Xword p_memsz; Elf64_Xword p_align;
        // } Elf64_Phdr;
        p_type = c.u32();
        long flags64 = c.is64() ? c.u32() : 0;
        p_offset = c.uClass();
        p_vaddr = c.uClass();
        p_paddr = c.uClass();
        p_filesz = c.uClass();
        p_memsz = c.uClass();
        p_flags = c.is64() ? flags64 : c.u32();
        p_align = c.uClass();
    }

    static ElfProgramHeader read(StructCursor cursor) {
        return new ElfProgramHeader(cursor);
    }

    static int size(boolean is64) {
        return is64 ? SIZE_64 : SIZE_32;
    }

    public boolean isLoadable() {
        return p_type == PT_LOAD;
    }

    public boolean isExecutable() {
        return (p_flags & PF_X) != 0;
    }

    @Override
    public String toString() {
        return String.format("ElfProgramHeader[p_type=0x%x, p_flags=0x%x, p_offset=0x%x, p_vaddr=0x%x, p_filesz=0x%x,"
                + " p_memsz=0x%x, p_align=0x%x]", p_type, p_flags, p_offset, p_vaddr, p_filesz, p_memsz, p_align);
    }
}
