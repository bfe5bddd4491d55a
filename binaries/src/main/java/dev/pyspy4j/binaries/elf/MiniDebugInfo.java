// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.GNU_DEBUGDATA;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * MiniDebugInfo: the xz-compressed ELF file in section {@code .gnu_debugdata} whose {@code .symtab}
 * lists the functions that stripping removed (gdb manual, "MiniDebugInfo"; Fedora ships binaries so).
 */
final class MiniDebugInfo {
    /** Real MiniDebugInfo holds a symbol table of a few MiB at most; more is a decompression bomb. */
    static final int DEFAULT_DECOMPRESSED_LIMIT = 64 << 20;
    /** xz-java decoder memory limit; {@code xz -9} needs about 65 MiB, the default preset about 9 MiB. */
    private static final int XZ_MEMORY_LIMIT_KIB = 96 << 10;
    private static final int CHUNK = 64 << 10;

    private MiniDebugInfo() {
    }

    /** The embedded ELF file of {@code outer}, empty when it has no {@code .gnu_debugdata} bytes. */
    static Optional<ElfFile> read(ElfFile outer, ElfReader reader, int decompressedLimit) {
        Optional<ElfSectionHeader> section = outer.section(GNU_DEBUGDATA).filter(ElfSectionHeader::hasFileData);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer compressed = reader.slice(section.get().sh_offset, section.get().sh_size,
                "section '" + GNU_DEBUGDATA + "'");
        byte[] elf = decompress(compressed, reader, decompressedLimit);
        return Optional.of(ElfFile.parseEmbedded(ByteBuffer.wrap(elf), reader.fileName() + "!" + GNU_DEBUGDATA));
    }

    private static byte[] decompress(ByteBuffer compressed, ElfReader reader, int limit) {
        try (InputStream xz = XZCompressorInputStream.builder()
                .setInputStream(new ByteBufferInputStream(compressed))
                .setMemoryLimitKiB(XZ_MEMORY_LIMIT_KIB)
                .get()) {
            return readAtMost(xz, limit, reader);
        } catch (IOException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw reader.malformed("section '" + GNU_DEBUGDATA + "' is not valid xz data: " + reason);
        }
    }

    private static byte[] readAtMost(InputStream in, int limit, ElfReader reader) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
            if (read > limit - out.size()) {
                throw reader.malformed("section '" + GNU_DEBUGDATA + "' decompresses to more than "
                        + limit + " bytes");
            }
            out.write(chunk, 0, read);
        }
        return out.toByteArray();
    }

    /** Streams a buffer's remaining bytes without copying them to the heap first. */
    private static final class ByteBufferInputStream extends InputStream {
        private final ByteBuffer buffer;

        ByteBufferInputStream(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public int read() {
            return buffer.hasRemaining() ? Byte.toUnsignedInt(buffer.get()) : -1;
        }

        @Override
        public int read(byte[] destination, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!buffer.hasRemaining()) {
                return -1;
            }
            int count = Math.min(length, buffer.remaining());
            buffer.get(destination, offset, count);
            return count;
        }
    }
}
