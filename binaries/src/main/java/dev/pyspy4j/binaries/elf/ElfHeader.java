// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.EI_CLASS;
import static dev.pyspy4j.binaries.elf.ElfConstants.EI_DATA;
import static dev.pyspy4j.binaries.elf.ElfConstants.EI_NIDENT;
import static dev.pyspy4j.binaries.elf.ElfConstants.EI_OSABI;
import static dev.pyspy4j.binaries.elf.ElfConstants.EI_VERSION;
import static dev.pyspy4j.binaries.elf.ElfConstants.ELFCLASS32;
import static dev.pyspy4j.binaries.elf.ElfConstants.ELFCLASS64;
import static dev.pyspy4j.binaries.elf.ElfConstants.ELFDATA2LSB;
import static dev.pyspy4j.binaries.elf.ElfConstants.ELFDATA2MSB;

import java.nio.ByteOrder;

/** The ELF file header ({@code ElfN_Ehdr}, elf(5)), the fixed-size structure at offset 0. */
public final class ElfHeader {
    /** Size of {@code Elf32_Ehdr}. */
    static final int SIZE_32 = 52;
    /** Size of {@code Elf64_Ehdr}. */
    static final int SIZE_64 = 64;

    private static final int ELF_MAGIC = 0x7f454c46;

    public final int ei_class;
    public final int ei_data;
    public final int ei_version;
    public final int ei_osabi;
    public final int e_type;
    public final int e_machine;
    public final long e_version;
    public final long e_entry;
    public final long e_phoff;
    public final long e_shoff;
    public final long e_flags;
    public final int e_ehsize;
    public final int e_phentsize;
    public final int e_phnum;
    public final int e_shentsize;
    public final int e_shnum;
    public final int e_shstrndx;

    private ElfHeader(int[] ident, StructCursor c) {
        ei_class = ident[EI_CLASS];
        ei_data = ident[EI_DATA];
        ei_version = ident[EI_VERSION];
        ei_osabi = ident[EI_OSABI];
        // typedef struct {
        //     unsigned char e_ident[EI_NIDENT];
        //     ElfN_Half e_type; ElfN_Half e_machine; ElfN_Word e_version;
        //     ElfN_Addr e_entry; ElfN_Off e_phoff; ElfN_Off e_shoff;
        //     ElfN_Word e_flags; ElfN_Half e_ehsize; ElfN_Half e_phentsize; ElfN_Half e_phnum;
        //     ElfN_Half e_shentsize; ElfN_Half e_shnum; ElfN_Half e_shstrndx;
        // } ElfN_Ehdr;   (glibc <elf.h>, N = 32 or 64)
        e_type = c.u16();
        e_machine = c.u16();
        e_version = c.u32();
        e_entry = c.uClass();
        e_phoff = c.uClass();
        e_shoff = c.uClass();
        e_flags = c.u32();
        e_ehsize = c.u16();
        e_phentsize = c.u16();
        e_phnum = c.u16();
        e_shentsize = c.u16();
        e_shnum = c.u16();
        e_shstrndx = c.u16();
    }

    /** Reads the header with {@code reader} (whose layout is not yet known) and validates {@code e_ident}. */
    static ElfHeader read(ElfReader reader) {
        if (reader.size() < EI_NIDENT) {
            throw reader.malformed("file of " + reader.size() + " bytes is too short for an ELF header");
        }
        int[] ident = new int[EI_NIDENT];
        for (int i = 0; i < EI_NIDENT; i++) {
            ident[i] = reader.u8(i);
        }
        int magic = ident[0] << 24 | ident[1] << 16 | ident[2] << 8 | ident[3];
        if (magic != ELF_MAGIC) {
            throw reader.malformed(String.format("bad magic number 0x%08x, expected 0x7f454c46 (\\x7fELF)", magic));
        }
        boolean is64 = classIs64(reader, ident[EI_CLASS]);
        ElfReader laidOut = reader.withLayout(is64, byteOrder(reader, ident[EI_DATA]));
        return new ElfHeader(ident, laidOut.struct(EI_NIDENT, (is64 ? SIZE_64 : SIZE_32) - EI_NIDENT, "ELF header"));
    }

    public boolean is64() {
        return ei_class == ELFCLASS64;
    }

    public ByteOrder byteOrder() {
        return ei_data == ELFDATA2MSB ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private static boolean classIs64(ElfReader reader, int eiClass) {
        if (eiClass != ELFCLASS32 && eiClass != ELFCLASS64) {
            throw reader.malformed("unknown file class " + eiClass + " in e_ident[EI_CLASS], expected 1 or 2");
        }
        return eiClass == ELFCLASS64;
    }

    private static ByteOrder byteOrder(ElfReader reader, int eiData) {
        if (eiData != ELFDATA2LSB && eiData != ELFDATA2MSB) {
            throw reader.malformed("unknown data encoding " + eiData + " in e_ident[EI_DATA], expected 1 or 2");
        }
        return eiData == ELFDATA2MSB ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }
}
