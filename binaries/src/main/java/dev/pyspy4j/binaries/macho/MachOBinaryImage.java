// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.macho;

import dev.pyspy4j.spi.process.BinaryImage;
import java.util.Objects;
import java.util.Optional;

/**
 * A Mach-O image as loaded in a target: symbols and sections at their run-time addresses, the file's address plus
 * the slide dyld gave the image ({@link MachOFile#slide}). Thread-safe; lookups throw
 * {@code SpyException(MALFORMED_INPUT)} if the symbol table, read on the first lookup, is malformed.
 */
public final class MachOBinaryImage implements BinaryImage {
    private final MachOFile file;
    private final String path;
    private final long slide;

    private MachOBinaryImage(MachOFile file, String path, long slide) {
        this.file = file;
        this.path = path;
        this.slide = slide;
    }

    /** The image of {@code file} mapped at {@code slide} from its own addresses; {@code pathInTarget} names it. */
    public static MachOBinaryImage of(MachOFile file, String pathInTarget, long slide) {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(pathInTarget, "pathInTarget is null");
        return new MachOBinaryImage(file, pathInTarget, slide);
    }

    @Override
    public String path() {
        return path;
    }

    /** The slide. */
    @Override
    public long loadBias() {
        return slide;
    }

    public MachOFile machOFile() {
        return file;
    }

    /** A defined symbol by its exact name ({@code _PyRuntime}); {@code nlist_64} has no size, so the size is 0. */
    @Override
    public Optional<Symbol> symbol(String name) {
        return file.symbol(name).map(symbol -> new Symbol(symbol.name(),
                symbol.isAbsolute() ? symbol.value() : symbol.value() + slide, 0));
    }

    /** A section named {@code segment,section} as Apple's tools write it, e.g. {@code __DATA,PyRuntime}. */
    @Override
    public Optional<Section> section(String name) {
        int comma = name.indexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        return file.section(name.substring(0, comma), name.substring(comma + 1))
                .map(section -> new Section(name, section.address() + slide, section.size()));
    }

    @Override
    public String toString() {
        return String.format("MachOBinaryImage[%s, slide 0x%x]", path, slide);
    }
}
