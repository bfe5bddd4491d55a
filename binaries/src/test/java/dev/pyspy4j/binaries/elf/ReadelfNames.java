// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import java.util.Map;

/**
 * The names readelf prints for ELF numbers, written out here from binutils' readelf.c and the gABI,
 * independently of the main code's constants, so a wrong constant there shows up as a mismatch.
 */
final class ReadelfNames {
    private static final Map<Long, String> SECTION_TYPES = Map.ofEntries(
            Map.entry(0L, "NULL"), Map.entry(1L, "PROGBITS"), Map.entry(2L, "SYMTAB"), Map.entry(3L, "STRTAB"),
            Map.entry(4L, "RELA"), Map.entry(5L, "HASH"), Map.entry(6L, "DYNAMIC"), Map.entry(7L, "NOTE"),
            Map.entry(8L, "NOBITS"), Map.entry(9L, "REL"), Map.entry(11L, "DYNSYM"), Map.entry(14L, "INIT_ARRAY"),
            Map.entry(15L, "FINI_ARRAY"), Map.entry(16L, "PREINIT_ARRAY"), Map.entry(17L, "GROUP"),
            Map.entry(19L, "RELR"), Map.entry(0x6ffffff6L, "GNU_HASH"), Map.entry(0x6ffffffdL, "VERDEF"),
            Map.entry(0x6ffffffeL, "VERNEED"), Map.entry(0x6fffffffL, "VERSYM"),
            Map.entry(0x70000001L, "X86_64_UNWIND"));
    private static final Map<Integer, String> SYMBOL_TYPES = Map.of(0, "NOTYPE", 1, "OBJECT", 2, "FUNC",
            3, "SECTION", 4, "FILE", 5, "COMMON", 6, "TLS", 10, "IFUNC");
    private static final Map<Integer, String> BINDINGS = Map.of(0, "LOCAL", 1, "GLOBAL", 2, "WEAK", 10, "UNIQUE");
    private static final Map<Integer, String> SPECIAL_SECTION_INDEXES = Map.of(0, "UND", 0xfff1, "ABS", 0xfff2, "COM");
    private static final Map<Character, Long> SECTION_FLAGS = Map.ofEntries(
            Map.entry('W', 0x1L), Map.entry('A', 0x2L), Map.entry('X', 0x4L), Map.entry('M', 0x10L),
            Map.entry('S', 0x20L), Map.entry('I', 0x40L), Map.entry('L', 0x80L), Map.entry('O', 0x100L),
            Map.entry('G', 0x200L), Map.entry('T', 0x400L), Map.entry('C', 0x800L), Map.entry('R', 0x200000L),
            Map.entry('l', 0x10000000L), Map.entry('E', 0x80000000L));

    /** Note type names by owner, from readelf.c's get_gnu_elf_note_type, get_note_type and get_stapsdt_note_type. */
    private static final Map<String, Map<Long, String>> NOTE_TYPES = Map.of(
            "GNU", Map.of(1L, "NT_GNU_ABI_TAG", 2L, "NT_GNU_HWCAP", 3L, "NT_GNU_BUILD_ID", 4L, "NT_GNU_GOLD_VERSION",
                    5L, "NT_GNU_PROPERTY_TYPE_0"),
            "stapsdt", Map.of(3L, "NT_STAPSDT"),
            "CORE", Map.of(1L, "NT_PRSTATUS", 2L, "NT_FPREGSET", 3L, "NT_PRPSINFO", 6L, "NT_AUXV",
                    0x46494c45L, "NT_FILE", 0x53494749L, "NT_SIGINFO"),
            "LINUX", Map.of(0x202L, "NT_X86_XSTATE"),
            "GDB", Map.of(0xff000000L, "NT_GDB_TDESC"));

    private ReadelfNames() {
    }

    static String sectionType(long type) {
        return SECTION_TYPES.getOrDefault(type, "unknown(0x" + Long.toHexString(type) + ")");
    }

    static String symbolType(int type) {
        return SYMBOL_TYPES.getOrDefault(type, "unknown(" + type + ")");
    }

    static String binding(int binding) {
        return BINDINGS.getOrDefault(binding, "unknown(" + binding + ")");
    }

    /** The {@code NT_...} name readelf gives a note of {@code owner} and {@code type}. */
    static String noteType(String owner, long type) {
        String name = NOTE_TYPES.getOrDefault(owner, Map.of()).get(type);
        if (name == null) {
            throw new IllegalArgumentException(String.format("no readelf name known for note type 0x%x of owner %s;"
                    + " add it to ReadelfNames", type, owner));
        }
        return name;
    }

    static String sectionIndex(int shndx) {
        return SPECIAL_SECTION_INDEXES.getOrDefault(shndx, Integer.toString(shndx));
    }

    /** The {@code sh_flags} value readelf's flag letters ("WAX") stand for. */
    static long sectionFlags(String letters) {
        long flags = 0;
        for (char letter : letters.toCharArray()) {
            Long bit = SECTION_FLAGS.get(letter);
            if (bit == null) {
                throw new IllegalArgumentException("unknown readelf section flag '" + letter + "'");
            }
            flags |= bit;
        }
        return flags;
    }
}
