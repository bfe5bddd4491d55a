// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.pe;

import static dev.pyspy4j.binaries.LlvmDump.blocks;
import static dev.pyspy4j.binaries.LlvmDump.name;
import static dev.pyspy4j.binaries.LlvmDump.number;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.ForeignBinaries;
import dev.pyspy4j.binaries.elf.ExternalTool;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PE reader against {@code llvm-readobj} on real PE32+ images: esbuild's Windows executable (Go's linker), the
 * checked-in MinGW-w64 DLL, and DLLs that MinGW-w64's gcc builds during the test from the same source, once with
 * section names cut to 8 bytes as MSVC's linker cuts CPython's ({@code PyRuntim}) and once with GNU ld's long names
 * kept in the COFF string table. COFF and optional headers, the section table and the export table are compared.
 */
class PeFileLlvmIT {
    @TempDir
    static Path tmp;

    static Stream<Arguments> images() {
        return Stream.of(
                Arguments.of(ForeignBinaries.esbuildWin32X64()),
                Arguments.of(ForeignBinaries.fixtureFile(ForeignBinaries.PE_DLL, tmp)),
                Arguments.of(buildDll("short-names.dll", "-Wl,--disable-long-section-names")),
                Arguments.of(buildDll("long-names.dll", "-g")));
    }

    @ParameterizedTest
    @MethodSource("images")
    void headersMatchLlvmReadobj(Path file) {
        PeHeaders headers = PeFile.open(file).headers();
        List<String> dump = ExternalTool.run("llvm-readobj", "--file-headers", file.toString());
        Map<String, String> coff = blocks(dump, "ImageFileHeader").get(0);
        Map<String, String> optional = blocks(dump, "ImageOptionalHeader").get(0);
        assertThat(headers.machine()).isEqualTo(number(coff.get("Machine")));
        assertThat(headers.sectionCount()).isEqualTo(number(coff.get("SectionCount")));
        assertThat(headers.timeDateStamp()).isEqualTo(number(coff.get("TimeDateStamp")));
        assertThat(headers.symbolTableOffset()).isEqualTo(number(coff.get("PointerToSymbolTable")));
        assertThat(headers.symbolCount()).isEqualTo(number(coff.get("SymbolCount")));
        assertThat(headers.optionalHeaderSize()).isEqualTo(number(coff.get("OptionalHeaderSize")));
        assertThat(headers.characteristics()).isEqualTo(number(coff.get("Characteristics")));
        assertThat(headers.imageBase()).isEqualTo(number(optional.get("ImageBase")));
        assertThat(headers.sizeOfImage()).isEqualTo(number(optional.get("SizeOfImage")));
        assertThat(headers.exportDirectoryRva()).isEqualTo(number(optional.get("ExportTableRVA")));
        assertThat(headers.exportDirectorySize()).isEqualTo(number(optional.get("ExportTableSize")));
    }

    @ParameterizedTest
    @MethodSource("images")
    void sectionsMatchLlvmReadobj(Path file) {
        List<PeSection> sections = PeFile.open(file).sections();
        List<Map<String, String>> expected = blocks(ExternalTool.run("llvm-readobj", "--sections", file.toString()),
                "Section");
        assertThat(sections).hasSameSizeAs(expected);
        for (int i = 0; i < sections.size(); i++) {
            PeSection section = sections.get(i);
            Map<String, String> tool = expected.get(i);
            assertThat(section.index()).isEqualTo(number(tool.get("Number")));
            assertThat(section.name()).isEqualTo(name(tool.get("Name")));
            assertThat(section.virtualSize()).isEqualTo(number(tool.get("VirtualSize")));
            assertThat(section.virtualAddress()).isEqualTo(number(tool.get("VirtualAddress")));
            assertThat(section.rawDataSize()).isEqualTo(number(tool.get("RawDataSize")));
            assertThat(section.rawDataOffset()).isEqualTo(number(tool.get("PointerToRawData")));
            assertThat(section.characteristics()).isEqualTo(number(tool.get("Characteristics")));
        }
    }

    @ParameterizedTest
    @MethodSource("images")
    void exportsMatchLlvmReadobj(Path file) {
        List<PeExport> exports = PeFile.open(file).exports().stream()
                .sorted(Comparator.comparingLong(PeExport::ordinal)).toList();
        List<Map<String, String>> expected = blocks(ExternalTool.run("llvm-readobj", "--coff-exports",
                file.toString()), "Export").stream().filter(export -> export.containsKey("Name")).toList();
        assertThat(exports).hasSameSizeAs(expected);
        for (int i = 0; i < exports.size(); i++) {
            PeExport export = exports.get(i);
            Map<String, String> tool = expected.get(i);
            assertThat(export.name()).isEqualTo(tool.get("Name"));
            assertThat(export.ordinal()).isEqualTo(number(tool.get("Ordinal")));
            assertThat(export.rva()).isEqualTo(number(tool.get("RVA")));
            assertThat(export.isForwarder()).isFalse();
        }
    }

    /** What pyspy4j looks for in a Windows CPython: the runtime section, the exports inside it, and their bytes. */
    @ParameterizedTest
    @MethodSource("images")
    void findsThePyRuntimeSectionAndExports(Path file) {
        PeFile image = PeFile.open(file);
        if (image.export("_PyRuntime").isEmpty()) {
            // esbuild exports nothing and has no such section: lookups say so rather than fail
            assertThat(image.exports()).isEmpty();
            assertThat(image.section("PyRuntim")).isEmpty();
            return;
        }
        assertThat(image.headers().isDll()).isTrue();
        PeSection runtime = image.section(file.getFileName().toString().startsWith("long") ? "PyRuntime"
                : "PyRuntim").orElseThrow();
        long runtimeRva = image.export("_PyRuntime").orElseThrow().rva();
        assertThat(runtimeRva).isEqualTo(runtime.virtualAddress());
        assertThat(image.sectionData(runtime).order(ByteOrder.LITTLE_ENDIAN).getLong(0)).isEqualTo(42);
        long versionRva = image.export("Py_Version").orElseThrow().rva();
        PeSection holder = image.sections().stream()
                .filter(s -> versionRva >= s.virtualAddress() && versionRva < s.virtualAddress() + s.memorySize())
                .findFirst().orElseThrow();
        assertThat(image.sectionData(holder).order(ByteOrder.LITTLE_ENDIAN)
                .getInt((int) (versionRva - holder.virtualAddress()))).isEqualTo(0x030d00f0);
    }

    @Test
    void longSectionNamesComeFromTheStringTableOnlyWhenTheLinkerKeptThem() {
        assertThat(PeFile.open(buildDll("kept.dll", "-g")).sections()).extracting(PeSection::name)
                .contains("PyRuntime", ".debug_info").doesNotContain("PyRuntim");
        assertThat(PeFile.open(buildDll("cut.dll", "-Wl,--disable-long-section-names")).sections())
                .extracting(PeSection::name).contains("PyRuntim").doesNotContain("PyRuntime");
    }

    private static Path buildDll(String name, String option) {
        Path source = ForeignBinaries.fixtureFile("pe/pyruntime.c", tmp);
        Path dll = tmp.resolve(name);
        ExternalTool.run("x86_64-w64-mingw32-gcc", "-shared", "-O1", option, "-o", dll.toString(), source.toString());
        return dll;
    }
}
