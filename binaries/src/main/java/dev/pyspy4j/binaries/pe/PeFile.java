// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.pe;

import dev.pyspy4j.binaries.BoundedBytes;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PE32+ image (a 64-bit Windows executable or DLL): headers and section table eagerly, the export table on first
 * use.
 *
 * <p>Every method that reads the file throws {@code SpyException(MALFORMED_INPUT)} on malformed data, and also for a
 * PE32 (32-bit) image. Thread-safe.
 */
public final class PeFile {
    private static final String FORMAT = "PE";

    private final BoundedBytes bytes;
    private final PeHeaders headers;
    private final List<PeSection> sections;
    private final PeAddressMap addresses;
    private List<PeExport> exports;

    private PeFile(BoundedBytes bytes) {
        PeHeaderReader reader = PeHeaderReader.read(bytes);
        this.bytes = bytes;
        this.headers = reader.headers;
        this.sections = reader.sections;
        this.addresses = new PeAddressMap(bytes, sections);
    }

    /** Maps {@code path} read-only and parses it. */
    public static PeFile open(Path path) {
        return new PeFile(BoundedBytes.open(path, FORMAT));
    }

    /** Parses the bytes from {@code bytes}' position to its limit; {@code fileName} names them in errors. */
    public static PeFile parse(ByteBuffer bytes, String fileName) {
        return new PeFile(BoundedBytes.over(bytes, FORMAT, fileName));
    }

    public String fileName() {
        return bytes.fileName();
    }

    public PeHeaders headers() {
        return headers;
    }

    /** The preferred load address; a symbol's run-time address is the actual base plus its RVA. */
    public long imageBase() {
        return headers.imageBase();
    }

    public List<PeSection> sections() {
        return sections;
    }

    /** The first section with exactly this name, as stored: at most 8 bytes in an image ({@code PyRuntim}). */
    public Optional<PeSection> section(String name) {
        Objects.requireNonNull(name, "name is null");
        return sections.stream().filter(section -> section.name().equals(name)).findFirst();
    }

    /** The file bytes of {@code section}, read-only and little-endian. */
    public ByteBuffer sectionData(PeSection section) {
        return bytes.slice(section.rawDataOffset(), section.rawDataSize(), "section '" + section.name() + "'");
    }

    /** The named exports in name pointer table order (sorted by name, as the format requires of linkers). */
    public synchronized List<PeExport> exports() {
        if (exports == null) {
            exports = PeExportTable.read(bytes, headers, addresses);
        }
        return exports;
    }

    /** The export with exactly this name, e.g. {@code _PyRuntime}. */
    public Optional<PeExport> export(String name) {
        Objects.requireNonNull(name, "name is null");
        return exports().stream().filter(export -> export.name().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return String.format("PeFile[%s, machine 0x%x, image base 0x%x]", fileName(), headers.machine(),
                headers.imageBase());
    }
}
