// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfSectionHeader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The bytes of a DWARF section, decompressed when it is {@code SHF_COMPRESSED} with zlib (what
 * {@code objcopy --compress-debug-sections} and Debian's debug packages write). A zstd-compressed section is reported
 * absent: the JDK has no zstd decoder, and file:line is an extra, not a reason to fail.
 */
final class DebugSection {
    private static final long SHF_COMPRESSED = 0x800;
    private static final int ELFCOMPRESS_ZLIB = 1;
    /** Far above any real line table (libpython's is a few MiB); more is a decompression bomb. */
    private static final long MAX_DECOMPRESSED = 512L << 20;

    private DebugSection() {
    }

    static Optional<ByteBuffer> read(ElfFile elf, String name) {
        Optional<ElfSectionHeader> section = elf.section(name).filter(ElfSectionHeader::hasFileData);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer bytes = elf.sectionData(section.get()).order(elf.byteOrder());
        if ((section.get().sh_flags & SHF_COMPRESSED) == 0) {
            return Optional.of(bytes);
        }
        return decompress(bytes, elf, name);
    }

    /** {@code Elf64_Chdr} (type, reserved, size, alignment) or {@code Elf32_Chdr} (type, size, alignment), data. */
    private static Optional<ByteBuffer> decompress(ByteBuffer section, ElfFile elf, String name) {
        DwarfCursor header = new DwarfCursor(section, "section " + name + " of " + elf.fileName());
        long type = header.u32();
        long size;
        if (elf.is64()) {
            header.u32();
            size = header.u64();
            header.u64();
        } else {
            size = header.u32();
            header.u32();
        }
        if (type != ELFCOMPRESS_ZLIB) {
            return Optional.empty();
        }
        if (size < 0 || size > MAX_DECOMPRESSED) {
            throw malformed(elf, name, "declares " + Long.toUnsignedString(size) + " decompressed bytes");
        }
        // grown as data arrives rather than allocated at the declared size, which a crafted header may inflate
        byte[] output = new byte[(int) Math.min(size, 1 << 20)];
        int filled = 0;
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(section.slice(header.position(), section.limit() - header.position()));
            while (filled < size) {
                if (filled == output.length) {
                    output = Arrays.copyOf(output, (int) Math.min(size, 2L * output.length));
                }
                int count = inflater.inflate(output, filled, output.length - filled);
                if (count == 0) {
                    // finished early, out of input, or wants a preset dictionary: the data is short or not ours
                    break;
                }
                filled += count;
            }
        } catch (DataFormatException e) {
            throw malformed(elf, name, "is not valid zlib data: " + e.getMessage());
        } finally {
            inflater.end();
        }
        if (filled != size) {
            throw malformed(elf, name, "decompresses to " + filled + " bytes, not the " + size + " declared");
        }
        return Optional.of(ByteBuffer.wrap(output).order(elf.byteOrder()));
    }

    private static SpyException malformed(ElfFile elf, String name, String detail) {
        return new SpyException(FailureKind.MALFORMED_INPUT, "malformed ELF file '" + elf.fileName()
                + "': compressed section " + name + " " + detail);
    }
}
