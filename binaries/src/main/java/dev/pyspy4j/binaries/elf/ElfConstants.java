// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

/**
 * The ELF constants this reader needs, with the C macro names of {@code <elf.h>} (glibc) and the
 * System V gABI, kept apart from the structure classes so those stay small.
 */
public final class ElfConstants {
    /** Size of {@code e_ident}. */
    public static final int EI_NIDENT = 16;
    /** Index of the file class byte in {@code e_ident}. */
    public static final int EI_CLASS = 4;
    /** Index of the data encoding byte in {@code e_ident}. */
    public static final int EI_DATA = 5;
    /** Index of the file version byte in {@code e_ident}. */
    public static final int EI_VERSION = 6;
    /** Index of the OS ABI byte in {@code e_ident}. */
    public static final int EI_OSABI = 7;

    public static final int ELFMAG0 = 0x7f;
    public static final int ELFMAG1 = 'E';
    public static final int ELFMAG2 = 'L';
    public static final int ELFMAG3 = 'F';

    public static final int ELFCLASS32 = 1;
    public static final int ELFCLASS64 = 2;

    public static final int ELFDATA2LSB = 1;
    public static final int ELFDATA2MSB = 2;

    public static final int ET_NONE = 0;
    public static final int ET_REL = 1;
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;
    public static final int ET_CORE = 4;

    /** {@code e_phnum} value meaning "the real count is in {@code sh_info} of section 0". */
    public static final int PN_XNUM = 0xffff;

    public static final int PT_NULL = 0;
    public static final int PT_LOAD = 1;
    public static final int PT_DYNAMIC = 2;
    public static final int PT_INTERP = 3;
    public static final int PT_NOTE = 4;
    public static final int PT_PHDR = 6;
    public static final int PT_TLS = 7;

    public static final int PF_X = 0x1;
    public static final int PF_W = 0x2;
    public static final int PF_R = 0x4;

    public static final int SHT_NULL = 0;
    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_NOTE = 7;
    public static final int SHT_NOBITS = 8;
    public static final int SHT_DYNSYM = 11;
    /** The GNU hash table of a {@code .dynsym} ({@code .gnu.hash}), what the dynamic linker looks names up in. */
    public static final int SHT_GNU_HASH = 0x6ffffff6;
    /** GNU symbol versioning: one {@code Elf_Half} per {@code .dynsym} entry ({@code .gnu.version}). */
    public static final int SHT_GNU_VERSYM = 0x6fffffff;

    public static final long SHF_WRITE = 0x1;
    public static final long SHF_ALLOC = 0x2;
    public static final long SHF_EXECINSTR = 0x4;

    public static final int SHN_UNDEF = 0;
    public static final int SHN_LORESERVE = 0xff00;
    public static final int SHN_ABS = 0xfff1;
    public static final int SHN_COMMON = 0xfff2;
    public static final int SHN_XINDEX = 0xffff;

    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;
    public static final int STB_GNU_UNIQUE = 10;

    public static final int STT_NOTYPE = 0;
    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STT_SECTION = 3;
    public static final int STT_FILE = 4;
    public static final int STT_COMMON = 5;
    public static final int STT_TLS = 6;
    public static final int STT_GNU_IFUNC = 10;

    /** Bit of a {@code .gnu.version} entry marking a non-default version ({@code name@VER}, not {@code name@@VER}). */
    public static final int VERSYM_HIDDEN = 0x8000;

    /** Owner name of the notes the GNU toolchain writes into executables and shared objects. */
    public static final String NOTE_OWNER_GNU = "GNU";
    /** {@code NT_GNU_ABI_TAG}: the minimum kernel ABI (owner {@code GNU}). */
    public static final int NT_GNU_ABI_TAG = 1;
    /** {@code NT_GNU_BUILD_ID}: the linker's unique bit string for this build (owner {@code GNU}, {@code ld --build-id}). */
    public static final int NT_GNU_BUILD_ID = 3;
    /** {@code NT_GNU_PROPERTY_TYPE_0}: program properties such as the x86 ISA level (owner {@code GNU}). */
    public static final int NT_GNU_PROPERTY_TYPE_0 = 5;

    /** Owner name of the process-state notes of a core file. */
    public static final String NOTE_OWNER_CORE = "CORE";
    /** {@code NT_PRSTATUS}: one thread's {@code struct elf_prstatus}, its registers included (owner {@code CORE}). */
    public static final int NT_PRSTATUS = 1;
    /** {@code NT_PRPSINFO}: the process's {@code struct elf_prpsinfo} (owner {@code CORE}). */
    public static final int NT_PRPSINFO = 3;
    /** {@code NT_AUXV}: the auxiliary vector (owner {@code CORE}). */
    public static final int NT_AUXV = 6;
    /** {@code NT_FILE}: the files mapped into the process and their offsets (owner {@code CORE}). */
    public static final int NT_FILE = 0x46494c45;
    /** {@code NT_SIGINFO}: the {@code siginfo_t} of the signal that caused the dump (owner {@code CORE}). */
    public static final int NT_SIGINFO = 0x53494749;

    /** Name of the section naming a separate debug file and its CRC (gdb manual, "Separate Debug Files"). */
    public static final String GNU_DEBUGLINK = ".gnu_debuglink";

    /** Name of the MiniDebugInfo section (gdb manual, "MiniDebugInfo"). */
    public static final String GNU_DEBUGDATA = ".gnu_debugdata";

    private ElfConstants() {
    }
}
