// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Maps a file read-only so that a large binary (libpython with symbols is tens of MiB) is paged in
 * on demand instead of copied to the heap.
 */
final class ElfFileMapping {
    private ElfFileMapping() {
    }

    static ByteBuffer map(Path path) {
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // mmap(2) of a directory or device fails with an errno text ("No such device") that explains little
            throw new SpyException(FailureKind.MALFORMED_INPUT, "cannot read ELF file '" + path
                    + "': not a regular file");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                // A ByteBuffer addresses at most 2 GiB; no interpreter binary comes near that.
                throw ElfReader.malformed(path.toString(), "file of " + size + " bytes is larger than the "
                        + Integer.MAX_VALUE + " bytes this reader maps");
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (AccessDeniedException e) {
            throw new SpyException(FailureKind.PERMISSION_DENIED, "cannot read ELF file '" + path
                    + "': permission denied", e);
        } catch (NoSuchFileException e) {
            throw new SpyException(FailureKind.MALFORMED_INPUT, "cannot read ELF file '" + path
                    + "': no such file", e);
        } catch (IOException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new SpyException(FailureKind.MALFORMED_INPUT, "cannot read ELF file '" + path + "': " + reason, e);
        }
    }
}
