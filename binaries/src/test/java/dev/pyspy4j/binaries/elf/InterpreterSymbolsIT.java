// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The symbols and sections pyspy4j needs to find an interpreter, checked against readelf on the real binaries. */
class InterpreterSymbolsIT {
    @Test
    void debianPython311IsANonPieStrippedExecutableWhoseDynsymNamesTheRuntime() {
        ElfFile elf = ElfFile.open(Binaries.DEBIAN_PYTHON);

        assertThat(elf.header().e_type).isEqualTo(2);
        assertThat(Readelf.symbols(Binaries.DEBIAN_PYTHON)).noneMatch(s -> s.table().equals(".symtab"));
        assertFoundAsReadelfSays(elf, Binaries.DEBIAN_PYTHON, "_PyRuntime", ".dynsym");
        assertFoundAsReadelfSays(elf, Binaries.DEBIAN_PYTHON, "Py_Version", ".dynsym");
        assertSectionAsReadelfSays(elf, Binaries.DEBIAN_PYTHON, ".PyRuntime");
        assertSectionAsReadelfSays(elf, Binaries.DEBIAN_PYTHON, ".bss");
        assertSectionAsReadelfSays(elf, Binaries.DEBIAN_PYTHON, ".data");
    }

    @Test
    void pyenvLibpython311NamesTheRuntimeAndTheVersion() {
        Path lib = Binaries.libpython311();
        ElfFile elf = ElfFile.open(lib);

        assertFoundAsReadelfSays(elf, lib, "_PyRuntime", ".dynsym");
        assertFoundAsReadelfSays(elf, lib, "Py_Version", ".dynsym");
        assertSectionAsReadelfSays(elf, lib, ".PyRuntime");
        assertSectionAsReadelfSays(elf, lib, ".bss");
    }

    @Test
    void pyenvLibpython27NamesInterpHeadOnlyInSymtab() {
        Path lib = Binaries.libpython27();
        ElfFile elf = ElfFile.open(lib);

        assertThat(Readelf.symbols(lib)).filteredOn(s -> s.name().equals("interp_head"))
                .extracting(Readelf.Symbol::table).containsOnly(".symtab");
        assertFoundAsReadelfSays(elf, lib, "interp_head", ".symtab");
        assertFoundAsReadelfSays(elf, lib, "_PyThreadState_Current", ".dynsym");
        assertThat(elf.symbol("Py_Version")).isEmpty();
        assertThat(elf.section(".PyRuntime")).isEmpty();
        assertSectionAsReadelfSays(elf, lib, ".bss");
    }

    /** timer_delete@GLIBC_2.2.5 (hidden) comes before timer_delete@@GLIBC_2.34 (default) in libc's .dynsym. */
    @Test
    void libcLookupPrefersTheDefaultVersionLikeTheDynamicLinker() {
        ElfFile elf = ElfFile.open(Binaries.LIBC);
        List<Readelf.Symbol> timerDelete = Readelf.symbols(Binaries.LIBC).stream()
                .filter(s -> s.name().equals("timer_delete") && s.isDefined()).toList();
        Readelf.Symbol defaultVersion = timerDelete.stream().filter(Readelf.Symbol::defaultVersion).findFirst()
                .orElseThrow();

        assertThat(timerDelete.get(0).defaultVersion()).isFalse();
        assertThat(timerDelete.get(0).value()).isNotEqualTo(defaultVersion.value());
        assertThat(elf.symbol("timer_delete")).hasValueSatisfying(symbol -> {
            assertThat(symbol.st_value).isEqualTo(defaultVersion.value());
            assertThat(symbol.isVersionHidden()).isFalse();
        });
        assertFoundAsReadelfSays(elf, Binaries.LIBC, "malloc", ".dynsym");
        assertFoundAsReadelfSays(elf, Binaries.LIBC, "getpid", ".dynsym");
    }

    @Test
    void undefinedImportsAreNotFound() {
        ElfFile elf = ElfFile.open(Binaries.DEBIAN_PYTHON);
        List<Readelf.Symbol> mallocs = Readelf.symbols(Binaries.DEBIAN_PYTHON).stream()
                .filter(s -> s.name().equals("malloc")).toList();

        assertThat(mallocs).isNotEmpty().noneMatch(Readelf.Symbol::isDefined);
        assertThat(elf.symbol("malloc")).isEmpty();
    }

    private static void assertFoundAsReadelfSays(ElfFile elf, Path file, String name, String table) {
        Readelf.Symbol expected = Readelf.symbols(file).stream()
                .filter(s -> s.table().equals(table) && s.name().equals(name) && s.isDefined())
                .findFirst()
                .orElseThrow(() -> new AssertionError("readelf lists no " + name + " in " + table + " of " + file));
        assertThat(elf.symbol(name)).as(name).hasValueSatisfying(symbol -> {
            assertThat(symbol.st_value).isEqualTo(expected.value());
            assertThat(symbol.st_size).isEqualTo(expected.size());
            assertThat(ReadelfNames.symbolType(symbol.type())).isEqualTo(expected.type());
            assertThat(ReadelfNames.binding(symbol.binding())).isEqualTo(expected.bind());
            assertThat(ReadelfNames.sectionIndex(symbol.st_shndx)).isEqualTo(expected.ndx());
            assertThat(symbol.table()).isEqualTo(table);
        });
    }

    private static void assertSectionAsReadelfSays(ElfFile elf, Path file, String name) {
        Readelf.Section expected = Readelf.sections(file).stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("readelf lists no section " + name + " in " + file));
        assertThat(elf.section(name)).as(name).hasValueSatisfying(section -> {
            assertThat(section.index).isEqualTo(expected.index());
            assertThat(section.sh_addr).isEqualTo(expected.address());
            assertThat(section.sh_size).isEqualTo(expected.size());
            assertThat(ReadelfNames.sectionType(section.sh_type)).isEqualTo(expected.type());
        });
    }
}
