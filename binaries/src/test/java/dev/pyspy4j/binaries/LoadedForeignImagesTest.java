// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.macho.MachOBinaryImage;
import dev.pyspy4j.binaries.macho.MachOCpu;
import dev.pyspy4j.binaries.macho.MachOFile;
import dev.pyspy4j.binaries.macho.MachOSection;
import dev.pyspy4j.binaries.pe.PeBinaryImage;
import dev.pyspy4j.binaries.pe.PeFile;
import dev.pyspy4j.binaries.pe.PeSection;
import dev.pyspy4j.spi.process.BinaryImage;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The Mach-O and PE files seen as loaded in a target: run-time addresses of the runtime section and symbol. */
class LoadedForeignImagesTest {
    @Test
    void machOSymbolsAndSectionsMoveByTheSlide() {
        MachOFile file = MachOFile.parse(ByteBuffer.wrap(ForeignBinaries.fixtureBytes(ForeignBinaries.MACHO_UNIVERSAL)),
                "universal.o", MachOCpu.ARM64);
        long slide = 0x1_0420_0000L;
        MachOBinaryImage image = MachOBinaryImage.of(file, "/usr/local/bin/python3", slide);
        MachOSection runtime = file.section("__DATA", "PyRuntime").orElseThrow();

        assertThat(image.loadBias()).isEqualTo(slide);
        assertThat(image.section("__DATA,PyRuntime")).hasValue(
                new BinaryImage.Section("__DATA,PyRuntime", runtime.address() + slide, runtime.size()));
        assertThat(image.symbol("_PyRuntime")).hasValue(
                new BinaryImage.Symbol("_PyRuntime", runtime.address() + slide, 0));
        assertThat(image.section("PyRuntime")).isEmpty();
        assertThat(image.symbol("PyRuntime")).isEmpty();
    }

    @Test
    void peExportsAndSectionsAreAtTheActualBase() {
        PeFile file = PeFile.parse(ByteBuffer.wrap(ForeignBinaries.fixtureBytes(ForeignBinaries.PE_DLL)), "py.dll");
        long base = 0x7ffb_1230_0000L;
        PeBinaryImage image = PeBinaryImage.of(file, "C:\\Python313\\python313.dll", base);
        PeSection runtime = file.section("PyRuntim").orElseThrow();

        assertThat(image.loadBias()).isEqualTo(base - file.imageBase());
        assertThat(image.section("PyRuntim")).hasValue(
                new BinaryImage.Section("PyRuntim", base + runtime.virtualAddress(), runtime.virtualSize()));
        assertThat(image.symbol("_PyRuntime")).hasValue(
                new BinaryImage.Symbol("_PyRuntime", base + runtime.virtualAddress(), 0));
        assertThat(image.section("PyRuntime")).isEmpty();
    }
}
