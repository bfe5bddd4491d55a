// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every header, section, segment and symbol the reader decodes from real binaries equals what readelf prints. */
class ElfFileReadelfIT {
    @TempDir
    static Path fixtures;

    /** Debian's non-PIE stripped python, pyenv's libpython 3.11 and 2.7 with full .symtab, libc, and the fixture. */
    static Stream<Path> binaries() {
        return Stream.of(Binaries.DEBIAN_PYTHON, Binaries.libpython311(), Binaries.libpython27(), Binaries.LIBC,
                Binaries.fixtureFile(Binaries.HELLO, fixtures));
    }

    @ParameterizedTest
    @MethodSource("binaries")
    void headerMatchesReadelf(Path binary) {
        ElfHeader header = ElfFile.open(binary).header();
        Map<String, String> expected = Readelf.header(binary);

        assertThat(expected.get("Class")).isEqualTo(header.is64() ? "ELF64" : "ELF32");
        assertThat(expected.get("Type")).startsWith(header.e_type == 2 ? "EXEC" : "DYN");
        assertThat(Readelf.hex(expected.get("Entry point address"))).isEqualTo(header.e_entry);
        assertThat(expected.get("Start of program headers")).startsWith(header.e_phoff + " ");
        assertThat(expected.get("Start of section headers")).startsWith(header.e_shoff + " ");
        assertThat(expected.get("Number of program headers")).isEqualTo(Integer.toString(header.e_phnum));
        assertThat(expected.get("Number of section headers")).isEqualTo(Integer.toString(header.e_shnum));
        assertThat(expected.get("Section header string table index")).isEqualTo(Integer.toString(header.e_shstrndx));
    }

    @ParameterizedTest
    @MethodSource("binaries")
    void everySectionHeaderMatchesReadelf(Path binary) {
        List<Readelf.Section> expected = Readelf.sections(binary).stream()
                .filter(s -> s.index() > 0)
                .map(ElfFileReadelfIT::withNumericFlags)
                .toList();
        List<Readelf.Section> actual = ElfFile.open(binary).sectionHeaders().stream()
                .filter(s -> s.index > 0)
                .map(ElfFileReadelfIT::asReadelfSection)
                .toList();

        assertThat(expected).isNotEmpty();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("binaries")
    void everyLoadSegmentMatchesReadelf(Path binary) {
        List<Readelf.Load> actual = ElfFile.open(binary).programHeaders().stream()
                .filter(ElfProgramHeader::isLoadable)
                .map(p -> new Readelf.Load(p.p_offset, p.p_vaddr, p.p_filesz, p.p_memsz, flagLetters(p.p_flags),
                        p.p_align))
                .toList();

        assertThat(actual).isNotEmpty().containsExactlyElementsOf(Readelf.loads(binary));
    }

    @ParameterizedTest
    @MethodSource("binaries")
    void everySymbolOfEveryTableMatchesReadelf(Path binary) {
        ElfFile elf = ElfFile.open(binary);
        List<Readelf.Symbol> expected = Readelf.symbols(binary);
        for (String table : List.of(".dynsym", ".symtab")) {
            int type = table.equals(".dynsym") ? ElfConstants.SHT_DYNSYM : ElfConstants.SHT_SYMTAB;
            List<String> actual = elf.symbolTable(type).stream().map(ElfFileReadelfIT::describe).toList();
            List<String> fromReadelf = expected.stream().filter(s -> s.table().equals(table))
                    .map(ElfFileReadelfIT::describe).toList();
            assertThat(actual).as(table).containsExactlyElementsOf(fromReadelf);
        }
    }

    /**
     * readelf prints {@code name@@VER} for a default version and {@code name@VER} for a hidden one (and for
     * copy-relocated data that an executable defines with a needed version, which is not hidden).
     */
    @ParameterizedTest
    @MethodSource("binaries")
    void versionFlagsAgreeWithReadelfAtAndAtAt(Path binary) {
        List<ElfSymbol> dynsym = ElfFile.open(binary).symbolTable(ElfConstants.SHT_DYNSYM);
        List<Readelf.Symbol> expected = Readelf.symbols(binary).stream()
                .filter(s -> s.table().equals(".dynsym")).toList();

        assertThat(dynsym).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Readelf.Symbol symbol = expected.get(i);
            if (symbol.defaultVersion()) {
                assertThat(dynsym.get(i).isVersionHidden()).as(symbol.toString()).isFalse();
            }
            if (dynsym.get(i).isVersionHidden()) {
                assertThat(symbol.version()).as(symbol.toString()).isNotEmpty();
                assertThat(symbol.defaultVersion()).as(symbol.toString()).isFalse();
            }
        }
    }

    /** For each name readelf lists once (or always at the same place), the lookup returns that place. */
    @ParameterizedTest
    @MethodSource("binaries")
    void lookupOfEveryUnambiguousNameMatchesReadelf(Path binary) {
        ElfFile elf = ElfFile.open(binary);
        Map<String, List<Readelf.Symbol>> byName = Readelf.symbols(binary).stream()
                .filter(s -> s.isDefined() && !s.name().isEmpty() && !s.type().equals("FILE")
                        && !s.type().equals("SECTION"))
                .collect(java.util.stream.Collectors.groupingBy(Readelf.Symbol::name));
        int checked = 0;
        for (Map.Entry<String, List<Readelf.Symbol>> entry : byName.entrySet()) {
            if (entry.getValue().stream().map(s -> s.value() + "/" + s.size()).distinct().count() == 1) {
                Readelf.Symbol expected = entry.getValue().get(0);
                assertThat(elf.symbol(entry.getKey())).as(entry.getKey()).hasValueSatisfying(symbol -> {
                    assertThat(symbol.st_value).isEqualTo(expected.value());
                    assertThat(symbol.st_size).isEqualTo(expected.size());
                });
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    /** Versioned names in {@code .symtab} are literally {@code name@VER}; readelf's output loses the difference. */
    static String describe(ElfSymbol s) {
        String name = s.name().contains("@") ? s.name().substring(0, s.name().indexOf('@')) : s.name();
        return String.format("%x %d %s %s %s %s", s.st_value, s.st_size, ReadelfNames.symbolType(s.type()),
                ReadelfNames.binding(s.binding()), ReadelfNames.sectionIndex(s.st_shndx), name);
    }

    static String describe(Readelf.Symbol s) {
        return String.format("%x %d %s %s %s %s", s.value(), s.size(), s.type(), s.bind(), s.ndx(), s.name());
    }

    static Readelf.Section asReadelfSection(ElfSectionHeader s) {
        return new Readelf.Section(s.index, s.name, ReadelfNames.sectionType(s.sh_type), s.sh_addr, s.sh_offset,
                s.sh_size, s.sh_entsize, Long.toHexString(s.sh_flags), s.sh_link, s.sh_info, s.sh_addralign);
    }

    static Readelf.Section withNumericFlags(Readelf.Section s) {
        return new Readelf.Section(s.index(), s.name(), s.type(), s.address(), s.offset(), s.size(), s.entrySize(),
                Long.toHexString(ReadelfNames.sectionFlags(s.flags())), s.link(), s.info(), s.align());
    }

    private static String flagLetters(long flags) {
        String letters = ((flags & 4) != 0 ? "R" : " ") + ((flags & 2) != 0 ? "W" : " ") + ((flags & 1) != 0 ? "E" : " ");
        return letters.trim();
    }
}
