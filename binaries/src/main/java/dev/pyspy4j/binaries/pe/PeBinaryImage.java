// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.pe;

import dev.pyspy4j.spi.process.BinaryImage;
import java.util.Objects;
import java.util.Optional;

/**
 * A PE image as loaded in a target: exports and sections at the base the loader chose, which ASLR makes differ from
 * the preferred {@link PeFile#imageBase()}. Thread-safe; lookups throw {@code SpyException(MALFORMED_INPUT)} if the
 * export table, read on the first lookup, is malformed.
 */
public final class PeBinaryImage implements BinaryImage {
    private final PeFile file;
    private final String path;
    private final long base;

    private PeBinaryImage(PeFile file, String path, long base) {
        this.file = file;
        this.path = path;
        this.base = base;
    }

    /** The image of {@code file} loaded at {@code base} (its module's base address); {@code pathInTarget} names it. */
    public static PeBinaryImage of(PeFile file, String pathInTarget, long base) {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(pathInTarget, "pathInTarget is null");
        return new PeBinaryImage(file, pathInTarget, base);
    }

    @Override
    public String path() {
        return path;
    }

    /** The actual base minus the preferred one. */
    @Override
    public long loadBias() {
        return base - file.imageBase();
    }

    public PeFile peFile() {
        return file;
    }

    /** An export by its exact name ({@code _PyRuntime}), at base plus its RVA; forwarders are in another DLL. */
    @Override
    public Optional<Symbol> symbol(String name) {
        return file.export(name).filter(export -> !export.isForwarder())
                .map(export -> new Symbol(export.name(), base + export.rva(), 0));
    }

    /** A section by its name as stored, at most 8 bytes in an image ({@code PyRuntim}). */
    @Override
    public Optional<Section> section(String name) {
        return file.section(name).map(section -> new Section(name, base + section.virtualAddress(),
                section.memorySize()));
    }

    @Override
    public String toString() {
        return String.format("PeBinaryImage[%s, base 0x%x]", path, base);
    }
}
