// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.macho;

import static dev.pyspy4j.binaries.LlvmDump.blocks;
import static dev.pyspy4j.binaries.LlvmDump.loadCommands;
import static dev.pyspy4j.binaries.LlvmDump.name;
import static dev.pyspy4j.binaries.LlvmDump.number;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.ForeignBinaries;
import dev.pyspy4j.binaries.elf.ExternalTool;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Mach-O reader against LLVM's own view of real images: esbuild's macOS executables (Go's linker, x86_64 and
 * arm64) and objects that llvm-mc assembled for both CPUs with a {@code __DATA,PyRuntime} section. Header, segments,
 * sections and {@code LC_SYMTAB} symbols are compared with {@code llvm-readobj} and {@code llvm-objdump --macho}.
 */
class MachOFileLlvmIT {
    @TempDir
    static Path tmp;

    static Stream<Arguments> images() {
        return Stream.of(
                Arguments.of(ForeignBinaries.esbuildDarwinX64(), MachOCpu.X86_64),
                Arguments.of(ForeignBinaries.esbuildDarwinArm64(), MachOCpu.ARM64),
                Arguments.of(ForeignBinaries.fixtureFile(ForeignBinaries.MACHO_X86_64, tmp), MachOCpu.X86_64),
                Arguments.of(ForeignBinaries.fixtureFile(ForeignBinaries.MACHO_ARM64, tmp), MachOCpu.ARM64));
    }

    @ParameterizedTest
    @MethodSource("images")
    void headerMatchesLlvmReadobj(Path file, MachOCpu cpu) {
        MachOHeader header = MachOFile.open(file, cpu).header();
        Map<String, String> expected = blocks(ExternalTool.run("llvm-readobj", "--file-headers", file.toString()),
                "MachHeader").get(0);
        assertThat(header.cpuType()).isEqualTo((int) number(expected.get("CpuType")));
        assertThat(header.cpuSubtype()).isEqualTo((int) number(expected.get("CpuSubType")));
        assertThat(header.fileType()).isEqualTo(number(expected.get("FileType")));
        assertThat(header.commandCount()).isEqualTo(number(expected.get("NumOfLoadCommands")));
        assertThat(header.commandsSize()).isEqualTo(number(expected.get("SizeOfLoadCommands")));
    }

    @ParameterizedTest
    @MethodSource("images")
    void sectionsMatchLlvmReadobj(Path file, MachOCpu cpu) {
        List<MachOSection> sections = MachOFile.open(file, cpu).sections();
        List<Map<String, String>> expected = blocks(ExternalTool.run("llvm-readobj", "--sections", file.toString()),
                "Section");
        assertThat(expected).isNotEmpty();
        assertThat(sections).hasSameSizeAs(expected);
        for (int i = 0; i < sections.size(); i++) {
            MachOSection section = sections.get(i);
            Map<String, String> tool = expected.get(i);
            assertThat(section.index() - 1).isEqualTo(number(tool.get("Index")));
            assertThat(section.name()).isEqualTo(name(tool.get("Name")));
            assertThat(section.segmentName()).isEqualTo(name(tool.get("Segment")));
            assertThat(section.address()).isEqualTo(number(tool.get("Address")));
            assertThat(section.size()).isEqualTo(number(tool.get("Size")));
            assertThat(section.offset()).isEqualTo(number(tool.get("Offset")));
            assertThat(section.align()).isEqualTo(number(tool.get("Alignment")));
            assertThat(section.type()).isEqualTo(number(tool.get("Type")));
        }
    }

    @ParameterizedTest
    @MethodSource("images")
    void segmentsAndTextBaseMatchLlvmObjdump(Path file, MachOCpu cpu) {
        MachOFile image = MachOFile.open(file, cpu);
        List<Map<String, String>> expected = loadCommands(ExternalTool.run("llvm-objdump", "--macho",
                "--private-headers", file.toString())).stream()
                .filter(command -> command.get("cmd").equals("LC_SEGMENT_64")).toList();
        assertThat(image.segments()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            MachOSegment segment = image.segments().get(i);
            Map<String, String> tool = expected.get(i);
            assertThat(segment.name()).isEqualTo(tool.getOrDefault("segname", ""));
            assertThat(segment.vmAddress()).isEqualTo(number(tool.get("vmaddr")));
            assertThat(segment.vmSize()).isEqualTo(number(tool.get("vmsize")));
            assertThat(segment.fileOffset()).isEqualTo(number(tool.get("fileoff")));
            assertThat(segment.fileSize()).isEqualTo(number(tool.get("filesize")));
            assertThat(segment.sections()).hasSize((int) number(tool.get("nsects")));
        }
        expected.stream().filter(command -> "__TEXT".equals(command.get("segname"))).findFirst().ifPresentOrElse(
                text -> {
                    long vmaddr = number(text.get("vmaddr"));
                    assertThat(image.textBase()).hasValue(vmaddr);
                    assertThat(image.slide(vmaddr + 0x3000_0000L)).isEqualTo(0x3000_0000L);
                },
                () -> assertThat(image.textBase()).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("images")
    void symbolsMatchLlvmReadobj(Path file, MachOCpu cpu) {
        List<MachOSymbol> symbols = MachOFile.open(file, cpu).symbols();
        List<Map<String, String>> expected = blocks(ExternalTool.run("llvm-readobj", "--symbols", file.toString()),
                "Symbol");
        assertThat(expected).isNotEmpty();
        assertThat(symbols).hasSameSizeAs(expected);
        for (int i = 0; i < symbols.size(); i++) {
            MachOSymbol symbol = symbols.get(i);
            Map<String, String> tool = expected.get(i);
            assertThat(symbol.name()).isEqualTo(name(tool.get("Name")));
            assertThat(symbol.isExternal()).as(symbol.name()).isEqualTo(tool.containsKey("Extern"));
            assertThat(symbol.isPrivateExternal()).as(symbol.name()).isEqualTo(tool.containsKey("PrivateExtern"));
            assertThat(symbol.type() & 0x0e).as(symbol.name()).isEqualTo(number(tool.get("Type")));
            assertThat(symbol.section()).as(symbol.name()).isEqualTo(number(tool.get("Section")));
            assertThat(symbol.value()).as(symbol.name()).isEqualTo(number(tool.get("Value")));
        }
    }

    /** What pyspy4j looks for in a macOS CPython: the runtime section, its symbol inside it, and their bytes. */
    @ParameterizedTest
    @MethodSource("images")
    void findsThePyRuntimeSectionAndSymbolInTheAssembledObjects(Path file, MachOCpu cpu) {
        MachOFile image = MachOFile.open(file, cpu);
        if (image.header().fileType() != MachOHeader.MH_OBJECT) {
            // esbuild is no Python: it has no such section, and a lookup says so rather than failing
            assertThat(image.section("__DATA", "PyRuntime")).isEmpty();
            assertThat(image.symbol("_PyRuntime")).isEmpty();
            return;
        }
        MachOSection runtime = image.section("__DATA", "PyRuntime").orElseThrow();
        MachOSymbol symbol = image.symbol("_PyRuntime").orElseThrow();
        assertThat(symbol.isExternal()).isTrue();
        assertThat(image.sections().get(symbol.section() - 1)).isEqualTo(runtime);
        assertThat(symbol.value()).isEqualTo(runtime.address());
        assertThat(image.sectionData(runtime).order(ByteOrder.LITTLE_ENDIAN).getLong(0)).isEqualTo(42);
        MachOSymbol version = image.symbol("_Py_Version").orElseThrow();
        MachOSection constants = image.sections().get(version.section() - 1);
        ByteBuffer bytes = image.sectionData(constants).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.getInt((int) (version.value() - constants.address()))).isEqualTo(0x030d00f0);
        assertThat(image.section("__DATA", "__bss").orElseThrow().hasFileData()).isFalse();
        assertThat(image.symbol("_local_helper")).hasValueSatisfying(local -> assertThat(local.isExternal()).isFalse());
    }

    @Test
    void refusesAThinImageOfAnotherCpu() {
        Path arm64 = ForeignBinaries.esbuildDarwinArm64();
        MalformedMachOTest.assertMalformed(() -> MachOFile.open(arm64, MachOCpu.X86_64),
                "an image for arm64, not x86_64");
    }
}
