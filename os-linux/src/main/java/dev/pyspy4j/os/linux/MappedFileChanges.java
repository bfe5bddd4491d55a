// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.binaries.core.CoreFile;
import dev.pyspy4j.binaries.core.CoreMapping;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tells whether a file that a core's process had mapped is still the file it mapped. A core leaves code out and
 * relies on the files for it; after an upgrade the same path holds other bytes, and reading them as the process's
 * would unwind through, and name, code that never ran. The core keeps the first page of each mapped ELF file (the
 * kernel's default filter dumps it; gdb dumps read-only mappings whole), which holds the ELF and program headers and
 * usually the build id: when the file's first page differs from it, the file has changed. A file whose first page
 * the core did not keep cannot be told, and counts as unchanged.
 */
final class MappedFileChanges {
    private static final int COMPARED_BYTES = 4096;

    private final CoreFile core;
    private final Map<String, Boolean> verdicts = new HashMap<>();

    MappedFileChanges(CoreFile core) {
        this.core = core;
    }

    synchronized boolean hasChanged(String path) {
        return verdicts.computeIfAbsent(path, this::firstPageDiffers);
    }

    private boolean firstPageDiffers(String path) {
        Optional<ByteBuffer> kept = core.mappings().stream()
                .filter(mapping -> mapping.path().equals(path) && mapping.fileOffset() == 0)
                .findFirst()
                .flatMap(this::keptFirstPage);
        if (kept.isEmpty()) {
            return false;
        }
        ByteBuffer expected = kept.get();
        ByteBuffer actual = ByteBuffer.allocate(expected.remaining());
        try (FileChannel file = FileChannel.open(Path.of(path))) {
            while (actual.hasRemaining() && file.read(actual, actual.position()) >= 0) {
                // reads until the page is in or the file ends
            }
        } catch (IOException | RuntimeException e) {
            // A file that cannot be read is reported as such by whoever reads it; it is not known to have changed.
            return false;
        }
        return actual.flip().compareTo(expected) != 0;
    }

    private Optional<ByteBuffer> keptFirstPage(CoreMapping mapping) {
        int length = (int) Math.min(COMPARED_BYTES, mapping.end() - mapping.start());
        return core.dumped(mapping.start(), length);
    }
}
