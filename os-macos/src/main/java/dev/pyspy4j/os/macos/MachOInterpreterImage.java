// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.binaries.macho.MachOBinaryImage;
import dev.pyspy4j.spi.process.BinaryImage;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded Mach-O image under the names the rest of pyspy4j uses, which are ELF's: a symbol by its C name
 * ({@code _PyRuntime}, which Mach-O stores as {@code __PyRuntime}: every C symbol gets a leading underscore, which
 * py-spy strips too), and a section by its ELF name ({@code .PyRuntime}, {@code .bss}, {@code .data}) or by the
 * {@code segment,section} name Apple's tools print ({@code __DATA,PyRuntime}).
 */
final class MachOInterpreterImage implements BinaryImage {
    private static final Map<String, String> ELF_SECTION_NAMES = Map.of(
            ".PyRuntime", "__DATA,PyRuntime", ".bss", "__DATA,__bss", ".data", "__DATA,__data");

    private final MachOBinaryImage image;

    MachOInterpreterImage(MachOBinaryImage image) {
        this.image = image;
    }

    @Override
    public String path() {
        return image.path();
    }

    @Override
    public long loadBias() {
        return image.loadBias();
    }

    @Override
    public Optional<Symbol> symbol(String name) {
        return image.symbol("_" + name).map(symbol -> new Symbol(name, symbol.address(), symbol.size()));
    }

    @Override
    public Optional<Section> section(String name) {
        String machOName = ELF_SECTION_NAMES.getOrDefault(name, name);
        return image.section(machOName).map(section -> new Section(name, section.address(), section.size()));
    }

    @Override
    public String toString() {
        return image.toString();
    }
}
