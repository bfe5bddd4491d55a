// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.binaries.core.CoreFile;
import dev.pyspy4j.binaries.core.CoreMapping;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells whether a file that a core's process had mapped is still the file it mapped. A core leaves code out and
 * relies on the files for it; after an upgrade the same path holds other bytes, and reading them as the process's
 * would unwind through, and name, code that never ran. The core keeps the first page of each mapped ELF file (the
 * kernel's default filter dumps it; gdb dumps read-only mappings whole), which holds the parts of an ELF file that
 * identify its build and that the loader never writes: the ELF header, the program headers and the notes (the build
 * id among them). When those differ from the file's, the file has changed. Only those parts are compared: the rest
 * of the first page may be data the process wrote (a non-PIE program's first page can be writable). A file whose
 * first page the core did not keep, or that is not ELF, cannot be told, and counts as unchanged.
 */
final class MappedFileChanges {
    private static final int FIRST_PAGE = 4096;
    private static final int ELF64_HEADER_SIZE = 64;
    private static final int PT_NOTE = 4;

    private final CoreFile core;
    private final Map<String, Boolean> verdicts = new HashMap<>();

    MappedFileChanges(CoreFile core) {
        this.core = core;
    }

    synchronized boolean hasChanged(String path) {
        return verdicts.computeIfAbsent(path, this::identityDiffers);
    }

    private boolean identityDiffers(String path) {
        Optional<ByteBuffer> kept = core.mappings().stream()
                .filter(mapping -> mapping.path().equals(path) && mapping.fileOffset() == 0)
                .findFirst()
                .flatMap(this::keptFirstPage);
        if (kept.isEmpty() || !isElf64(kept.get())) {
            return false;
        }
        ByteBuffer page = kept.get().order(ByteOrder.LITTLE_ENDIAN);
        byte[] onDisk = new byte[page.remaining()];
        int length;
        try (FileChannel file = FileChannel.open(Path.of(path))) {
            ByteBuffer into = ByteBuffer.wrap(onDisk);
            while (into.hasRemaining() && file.read(into, into.position()) >= 0) {
                // reads until the page is in or the file ends
            }
            length = into.position();
        } catch (IOException | RuntimeException e) {
            // A file that cannot be read is reported as such by whoever reads it; it is not known to have changed.
            return false;
        }
        byte[] inCore = bytes(page);
        for (long[] range : identifyingRanges(page)) {
            int from = (int) range[0];
            int to = (int) range[1];
            if (to > length || !Arrays.equals(onDisk, from, to, inCore, from, to)) {
                return true;
            }
        }
        return false;
    }

    private Optional<ByteBuffer> keptFirstPage(CoreMapping mapping) {
        int length = (int) Math.min(FIRST_PAGE, mapping.end() - mapping.start());
        return core.dumped(mapping.start(), length);
    }

    private static boolean isElf64(ByteBuffer page) {
        return page.remaining() >= ELF64_HEADER_SIZE && page.get(0) == 0x7f && page.get(1) == 'E'
                && page.get(2) == 'L' && page.get(3) == 'F' && page.get(4) == 2;
    }

    /**
     * The ELF header, the program header table and the notes, as [from, to) offsets inside {@code page} (a
     * little-endian ELF64 first page); what does not fit in the page is left out.
     */
    static List<long[]> identifyingRanges(ByteBuffer page) {
        List<long[]> ranges = new ArrayList<>();
        ranges.add(new long[] {0, ELF64_HEADER_SIZE});
        long phoff = page.getLong(0x20);
        int phentsize = Short.toUnsignedInt(page.getShort(0x36));
        int phnum = Short.toUnsignedInt(page.getShort(0x38));
        long tableEnd = phoff + (long) phentsize * phnum;
        if (phoff < ELF64_HEADER_SIZE || phentsize < 56 || tableEnd > page.remaining()) {
            return ranges;
        }
        ranges.add(new long[] {phoff, tableEnd});
        for (int i = 0; i < phnum; i++) {
            int header = (int) (phoff + (long) i * phentsize);
            long offset = page.getLong(header + 8);
            long size = page.getLong(header + 32);
            if (page.getInt(header) == PT_NOTE && offset >= 0 && size >= 0 && size <= page.remaining()
                    && offset <= page.remaining() - size) {
                ranges.add(new long[] {offset, offset + size});
            }
        }
        return ranges;
    }

    private static byte[] bytes(ByteBuffer page) {
        byte[] copy = new byte[page.remaining()];
        page.get(page.position(), copy);
        return copy;
    }
}
