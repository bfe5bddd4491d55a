// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.SHN_UNDEF;

/** One symbol table entry ({@code ElfN_Sym}, elf(5)) with its name and the table it came from. */
public final class ElfSymbol {
    /** Size of {@code Elf32_Sym}. */
    static final int SIZE_32 = 16;
    /** Size of {@code Elf64_Sym}. */
    static final int SIZE_64 = 24;

    public final long st_name;
    public final long st_value;
    public final long st_size;
    public final int st_info;
    public final int st_other;
    public final int st_shndx;
    private final String name;
    private final String table;
    private final boolean versionHidden;

    private ElfSymbol(StructCursor c, ElfStringTable names, String table, boolean versionHidden) {
        // typedef struct {
        //     Elf32_Word st_name; Elf32_Addr st_value; Elf32_Word st_size;
        //     unsigned char st_info; unsigned char st_other; Elf32_Half st_shndx;
        // } Elf32_Sym;
        // typedef struct {
        //     Elf64_Word st_name; unsigned char st_info; unsigned char st_other;
        //     Elf64_Half st_shndx; Elf64_Addr st_value; Elf64_Xword st_size;
        // } Elf64_Sym;
        st_name = c.u32();
        if (c.is64()) {
            st_info = c.u8();
            st_other = c.u8();
            st_shndx = c.u16();
            st_value = c.uClass();
            st_size = c.uClass();
        } else {
            st_value = c.uClass();
            st_size = c.uClass();
            st_info = c.u8();
            st_other = c.u8();
            st_shndx = c.u16();
        }
        this.name = names.stringAt(st_name);
        this.table = table;
        this.versionHidden = versionHidden;
    }

    static ElfSymbol read(StructCursor cursor, ElfStringTable names, String table, boolean versionHidden) {
        return new ElfSymbol(cursor, names, table, versionHidden);
    }

    static int size(boolean is64) {
        return is64 ? SIZE_64 : SIZE_32;
    }

    public String name() {
        return name;
    }

    /** The symbol table section this entry came from, e.g. {@code .dynsym}, or {@code .gnu_debugdata .symtab}. */
    public String table() {
        return table;
    }

    /** {@code ELF_ST_TYPE(st_info)}: {@code STT_FUNC}, {@code STT_OBJECT}, ... */
    public int type() {
        return st_info & 0xf;
    }

    /** {@code ELF_ST_BIND(st_info)}: {@code STB_LOCAL}, {@code STB_GLOBAL}, {@code STB_WEAK}, ... */
    public int binding() {
        return st_info >>> 4;
    }

    /** Whether the symbol is defined in this file (not {@code SHN_UNDEF}, i.e. not an import). */
    public boolean isDefined() {
        return st_shndx != SHN_UNDEF;
    }

    /**
     * Whether {@code .gnu.version} marks this a non-default version ({@code name@VER} in readelf, not
     * {@code name@@VER}); the dynamic linker binds unversioned references only to the default one.
     */
    public boolean isVersionHidden() {
        return versionHidden;
    }

    @Override
    public String toString() {
        return String.format("ElfSymbol[%s in %s, st_value=0x%x, st_size=%d, st_info=0x%x, st_shndx=%d]",
                name, table, st_value, st_size, st_info, st_shndx);
    }
}
