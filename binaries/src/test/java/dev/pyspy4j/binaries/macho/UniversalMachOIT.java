// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.macho;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.ForeignBinaries;
import dev.pyspy4j.binaries.elf.ExternalTool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Universal binaries that {@code llvm-lipo -create} joins from esbuild's two macOS executables: each slice the reader
 * picks is the thin executable it came from, and the architectures it lists are {@code llvm-lipo -archs}'.
 */
class UniversalMachOIT {
    @TempDir
    Path tmp;

    @Test
    void eachSliceIsTheThinImageItWasBuiltFrom() throws IOException {
        Path x64 = ForeignBinaries.esbuildDarwinX64();
        Path arm64 = ForeignBinaries.esbuildDarwinArm64();
        Path universal = lipo("esbuild-universal", x64, arm64);

        assertSameImage(MachOFile.open(universal, MachOCpu.X86_64), MachOFile.open(x64, MachOCpu.X86_64));
        assertSameImage(MachOFile.open(universal, MachOCpu.ARM64), MachOFile.open(arm64, MachOCpu.ARM64));
        assertThat(archNames(universal)).isEqualTo(ExternalTool.run(ForeignBinaries.llvmTool("llvm-lipo"), "-archs",
                universal.toString()).get(0).trim());
    }

    @Test
    void aUniversalBinaryWithoutTheRequestedCpuNamesTheOnesItHas() throws IOException {
        Path universal = lipo("esbuild-x86_64-only", ForeignBinaries.esbuildDarwinX64());

        assertThat(archNames(universal)).isEqualTo("x86_64");
        MalformedMachOTest.assertMalformed(() -> MachOFile.open(universal, MachOCpu.ARM64),
                "a universal binary without a slice for arm64 (it has x86_64)");
        byte[] bytes = Files.readAllBytes(universal);
        MalformedMachOTest.assertMalformed(() -> MachOFile.parseThin(ByteBuffer.wrap(bytes), "universal"),
                "a universal binary, not a thin image");
    }

    private Path lipo(String name, Path... inputs) {
        Path output = tmp.resolve(name);
        String[] command = new String[inputs.length + 4];
        command[0] = ForeignBinaries.llvmTool("llvm-lipo");
        command[1] = "-create";
        for (int i = 0; i < inputs.length; i++) {
            command[2 + i] = inputs[i].toString();
        }
        command[inputs.length + 2] = "-output";
        command[inputs.length + 3] = output.toString();
        ExternalTool.run(command);
        return output;
    }

    private static String archNames(Path universal) throws IOException {
        List<Integer> cpuTypes = MachOFile.cpuTypes(ByteBuffer.wrap(Files.readAllBytes(universal)),
                universal.toString());
        return String.join(" ", cpuTypes.stream().map(MachOCpu::describe).toList());
    }

    private static void assertSameImage(MachOFile slice, MachOFile thin) {
        assertThat(slice.size()).isEqualTo(thin.size());
        assertThat(slice.header()).isEqualTo(thin.header());
        assertThat(slice.segments()).isEqualTo(thin.segments());
        assertThat(slice.symbols()).isEqualTo(thin.symbols());
        assertThat(slice.textBase()).isEqualTo(thin.textBase());
        MachOSection text = slice.section("__TEXT", "__text").orElseThrow();
        assertThat(Arrays.equals(bytes(slice.sectionData(text)), bytes(thin.sectionData(text)))).isTrue();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
