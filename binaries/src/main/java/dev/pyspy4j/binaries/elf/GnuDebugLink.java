// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.GNU_DEBUGLINK;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The {@code .gnu_debuglink} section of a stripped binary: the file name of its separate debug file and the CRC-32
 * of that file's whole contents (gdb manual, "Separate Debug Files"). The name is looked for in the binary's own
 * directory, its {@code .debug} subdirectory and the global debug directory; the CRC tells the right file from a
 * stale one.
 *
 * @param fileName the debug file's name, without a directory (e.g. {@code python3.11.debug})
 * @param crc32 the CRC-32 (the zlib / ISO-HDLC polynomial) of the debug file, as an unsigned 32-bit value
 */
public record GnuDebugLink(String fileName, long crc32) {
    /** Whether {@code candidate}'s contents have the CRC this link asks for. */
    public boolean matches(ByteBuffer candidate) {
        CRC32 crc = new CRC32();
        crc.update(candidate.duplicate());
        return crc.getValue() == crc32;
    }

    /**
     * Whether the file at {@code candidate} has the CRC this link asks for; the file is mapped, not read into the heap.
     *
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT if it cannot be read, PERMISSION_DENIED if access is denied
     */
    public boolean matches(Path candidate) {
        return matches(ElfFileMapping.map(candidate));
    }

    /**
     * Decodes the section: the NUL-terminated name, zero padding to a 4-byte boundary, then the CRC as a 4-byte word
     * in the file's byte order (what {@code objcopy --add-gnu-debuglink} writes).
     */
    static Optional<GnuDebugLink> read(ElfFile elf) {
        Optional<ElfSectionHeader> section = elf.section(GNU_DEBUGLINK).filter(ElfSectionHeader::hasFileData);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer bytes = elf.sectionData(section.get());
        int nul = 0;
        while (nul < bytes.limit() && bytes.get(nul) != 0) {
            nul++;
        }
        if (nul == bytes.limit()) {
            throw ElfReader.malformed(elf.fileName(), "section '" + GNU_DEBUGLINK + "' has no NUL-terminated file name");
        }
        if (nul == 0) {
            throw ElfReader.malformed(elf.fileName(), "section '" + GNU_DEBUGLINK + "' names no file");
        }
        int crcOffset = (nul + 1 + 3) & -4;
        if (bytes.limit() - crcOffset < 4) {
            throw ElfReader.malformed(elf.fileName(), String.format("section '%s' of %d bytes ends before the CRC"
                    + " at offset %d", GNU_DEBUGLINK, bytes.limit(), crcOffset));
        }
        byte[] name = new byte[nul];
        bytes.get(0, name);
        return Optional.of(new GnuDebugLink(new String(name, StandardCharsets.UTF_8),
                Integer.toUnsignedLong(bytes.getInt(crcOffset))));
    }

    @Override
    public String toString() {
        return String.format("GnuDebugLink[%s, CRC 0x%08x]", fileName, crc32);
    }
}
