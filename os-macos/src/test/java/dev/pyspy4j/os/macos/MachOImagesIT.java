// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.macho.MachOBinaryImage;
import dev.pyspy4j.binaries.macho.MachOCpu;
import dev.pyspy4j.binaries.macho.MachOFile;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.BinaryImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images of real Mach-O files mapped in a scripted process: esbuild's macOS executables from npm (x86_64 and arm64,
 * stripped Go binaries), a universal file {@code llvm-lipo} makes of them, and objects {@code llvm-mc} assembles with
 * CPython's symbol names. The scripted memory holds each file's real first page at the address its {@code __TEXT}
 * is mapped; every expected address comes from {@code llvm-objdump}/{@code llvm-nm}, plus the slide the test chose.
 */
class MachOImagesIT {
    private static final long SLIDE = 0x3a5_c000L;
    private final ScriptedMacCalls calls = ScriptedTargets.rootAndPython();

    @TempDir
    Path temp;

    @Test
    void theSlideIsWhereTextIsMappedMinusItsVmaddrAndSectionsMoveWithIt() throws IOException {
        for (String[] platform : new String[][] {{"darwin-x64", "x86_64"}, {"darwin-arm64", "arm64"}}) {
            Path esbuild = LlvmTools.esbuild(platform[0]);
            long text = LlvmTools.textVmAddress(esbuild, platform[1]) + SLIDE;
            ScriptedMacCalls scripted = ScriptedTargets.rootAndPython();
            map(scripted, esbuild.toString(), text, firstPage(esbuild));

            try (MacTargetProcess target = ScriptedTargets.attach(scripted)) {
                BinaryImage image = target.image(esbuild.toString()).orElseThrow();
                assertThat(image.loadBias()).as(platform[1]).isEqualTo(SLIDE);
                for (String[] names : new String[][] {{".bss", "__bss"}, {"__DATA,__data", "__data"}}) {
                    LlvmTools.SectionRow expected = LlvmTools.section(esbuild, platform[1], names[1]);
                    BinaryImage.Section section = image.section(names[0]).orElseThrow();
                    assertThat(section.address()).as(platform[1] + " " + names[0])
                            .isEqualTo(expected.address() + SLIDE);
                    assertThat(section.size()).isEqualTo(expected.size());
                }
                assertThat(image.section(".PyRuntime")).as("esbuild has no PyRuntime section").isEmpty();
                assertThat(target.image("/not/mapped")).isEmpty();
            }
        }
    }

    @Test
    void aUniversalFileIsReadAtTheSliceWhoseHeaderIsMapped() throws IOException {
        Path x64 = LlvmTools.esbuild("darwin-x64");
        Path arm64 = LlvmTools.esbuild("darwin-arm64");
        Path universal = temp.resolve("python3-universal");
        LlvmTools.run(LlvmTools.besideObjdump("llvm-lipo"), "-create", x64.toString(), arm64.toString(), "-output",
                universal.toString());

        for (Path thin : List.of(arm64, x64)) {
            String arch = thin == arm64 ? "arm64" : "x86_64";
            ScriptedMacCalls scripted = ScriptedTargets.rootAndPython();
            scripted.programs.put(ScriptedTargets.PID, universal.toString());
            map(scripted, universal.toString(), LlvmTools.textVmAddress(thin, arch) + SLIDE, firstPage(thin));

            try (MacTargetProcess target = (MacTargetProcess) ScriptedTargets.provider(scripted,
                    ScriptedTargets.MAC_ARM64).attach(ScriptedTargets.PID)) {
                BinaryImage image = target.image(universal.toString()).orElseThrow();
                assertThat(image.loadBias()).as(arch).isEqualTo(SLIDE);
                assertThat(image.section(".bss").orElseThrow().address()).as(arch)
                        .isEqualTo(LlvmTools.section(thin, arch, "__bss").address() + SLIDE);
                assertThat(target.platform().arch()).as("the program's mapped header, not the machine, decides")
                        .isEqualTo(thin == arm64 ? TargetArch.AARCH64 : TargetArch.X86_64);
            }
        }
    }

    @Test
    void theProgramComesBeforeTheFrameworkAndEachHasItsOwnSlide() throws IOException {
        Path esbuild = LlvmTools.esbuild("darwin-arm64");
        Path program = Files.createDirectories(temp.resolve("bin")).resolve("python3.12");
        Path framework = Files.createDirectories(temp.resolve("Python.framework/Versions/3.12")).resolve("Python");
        Files.createSymbolicLink(program, esbuild);
        Files.createSymbolicLink(framework, esbuild);
        long text = LlvmTools.textVmAddress(esbuild, "arm64");
        calls.programs.put(ScriptedTargets.PID, program.toString());
        map(calls, framework.toString(), text + 0x2000_0000L, firstPage(esbuild));
        map(calls, program.toString(), text + SLIDE, firstPage(esbuild));

        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            assertThat(target.pythonImages()).extracting(BinaryImage::path, BinaryImage::loadBias).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(program.toString(), SLIDE),
                    org.assertj.core.groups.Tuple.tuple(framework.toString(), 0x2000_0000L));
        }
    }

    @Test
    void anImageMappedAgainElsewhereIsReadAgain() throws IOException {
        Path esbuild = LlvmTools.esbuild("darwin-x64");
        long text = LlvmTools.textVmAddress(esbuild, "x86_64");
        map(calls, esbuild.toString(), text + SLIDE, firstPage(esbuild));
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            BinaryImage first = target.image(esbuild.toString()).orElseThrow();
            assertThat(target.image(esbuild.toString()).orElseThrow()).isSameAs(first);

            calls.regions.clear();
            map(calls, esbuild.toString(), text + 2 * SLIDE, firstPage(esbuild));
            assertThat(target.image(esbuild.toString()).orElseThrow().loadBias()).isEqualTo(2 * SLIDE);
        }
    }

    /** CPython's C names reach the Mach-O names with the leading underscore; ELF section names reach Mach-O's. */
    @Test
    void cpythonsNamesAreFoundUnderTheirMachONames() throws IOException {
        Path source = temp.resolve("cpython_names.s");
        try (InputStream in = MachOImagesIT.class.getResourceAsStream("/macho/cpython_names.s")) {
            Files.write(source, in.readAllBytes());
        }
        for (MachOCpu cpu : MachOCpu.values()) {
            Path object = temp.resolve(cpu.archName() + ".o");
            LlvmTools.run("llvm-mc", "-triple=" + cpu.archName() + "-apple-macos11", "-filetype=obj", "-o",
                    object.toString(), source.toString());
            BinaryImage image = new MachOInterpreterImage(MachOBinaryImage.of(MachOFile.open(object, cpu),
                    "/Library/Frameworks/Python.framework/Versions/3.12/Python", SLIDE));

            long runtime = LlvmTools.symbolValue(object, "__PyRuntime").orElseThrow();
            assertThat(image.symbol("_PyRuntime").orElseThrow())
                    .isEqualTo(new BinaryImage.Symbol("_PyRuntime", runtime + SLIDE, 0));
            assertThat(image.symbol("Py_Version").orElseThrow().address())
                    .isEqualTo(LlvmTools.symbolValue(object, "_Py_Version").orElseThrow() + SLIDE);
            assertThat(image.symbol("__PyRuntime")).as("no double underscore in C").isEmpty();
            assertThat(image.section(".PyRuntime").orElseThrow())
                    .isEqualTo(new BinaryImage.Section(".PyRuntime", runtime + SLIDE, 1024));
            assertThat(image.section("__DATA,PyRuntime").orElseThrow().address()).isEqualTo(runtime + SLIDE);
            assertThat(image.section(".bss").orElseThrow().size()).isEqualTo(256);
        }
    }

    /** Maps {@code path}'s {@code __TEXT} (r-x, offset 0, with the real first page) and a data region after it. */
    private static void map(ScriptedMacCalls scripted, String path, long text, byte[] header) {
        scripted.region(text, 0x40_0000, 5, 0, path);
        scripted.region(text + 0x40_0000, 0x10_0000, 3, 0x40_0000, path);
        scripted.bytes(text, header);
    }

    private static byte[] firstPage(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.copyOf(in.readNBytes(4096), 4096);
        }
    }
}
