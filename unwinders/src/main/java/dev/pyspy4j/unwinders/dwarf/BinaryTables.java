// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.dwarf;

import dev.pyspy4j.binaries.BuildId;
import dev.pyspy4j.binaries.elf.ElfBinaryImage;
import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfProgramHeader;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.unwinders.cfi.CallFrameTable;
import dev.pyspy4j.unwinders.stack.AddressSpace;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The call-frame tables of the binaries a target maps. A table is parsed once per binary (identified by its path and
 * build id) for the life of the unwinder, even across {@link #refresh()}, which only forgets where binaries are
 * mapped. The kernel's vDSO, which has no file, is read from the target's memory.
 */
final class BinaryTables {
    private static final String VDSO = "[vdso]";

    private final TargetProcess process;
    private final AddressSpace space;
    /** Where each mapped binary is loaded, by path; empty when it cannot be read. */
    private final Map<String, Optional<LoadedBinary>> loaded = new HashMap<>();
    /** Parsed tables by binary identity, kept across refreshes. */
    private final Map<String, CallFrameTable> tables = new HashMap<>();

    BinaryTables(TargetProcess process, AddressSpace space) {
        this.process = process;
        this.space = space;
    }

    void refresh() {
        loaded.clear();
    }

    /** The binary whose executable mapping is {@code region}; empty for anonymous code or an unreadable file. */
    Optional<LoadedBinary> of(MemoryRegion region) {
        String path = region.path();
        if (!region.isFileBacked() && !path.equals(VDSO)) {
            return Optional.empty();
        }
        return loaded.computeIfAbsent(path, unused -> load(region));
    }

    private Optional<LoadedBinary> load(MemoryRegion region) {
        try {
            if (region.path().equals(VDSO)) {
                return Optional.of(loadVdso(region));
            }
            ElfBinaryImage image = ElfBinaryImage.load(process.fileAsSeenByTarget(region.path()), region.path(),
                    space.mappingsOf(region.path()));
            ElfFile elf = image.elfFile();
            return Optional.of(new LoadedBinary(region.path(), elf, tableOf(region.path(), elf), image.loadBias()));
        } catch (SpyException | java.io.UncheckedIOException e) {
            // A deleted or replaced file, or one that is not ELF: its frames fall back to the frame-pointer chain.
            return Optional.empty();
        }
    }

    /** The vDSO is a complete ELF image in memory, linked at its first segment's address. */
    private LoadedBinary loadVdso(MemoryRegion region) {
        byte[] image = process.memory().readBytes(region.start(), (int) Math.min(region.size(), 1 << 20));
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(image), VDSO);
        long firstVaddr = elf.programHeaders().stream().filter(ElfProgramHeader::isLoadable)
                .mapToLong(header -> header.p_vaddr - header.p_offset).findFirst().orElse(0);
        return new LoadedBinary(VDSO, elf, tableOf(VDSO, elf), region.start() - firstVaddr);
    }

    private CallFrameTable tableOf(String path, ElfFile elf) {
        String identity = path + "@" + elf.buildId().map(BuildId::hex).orElse("size " + elf.size());
        return tables.computeIfAbsent(identity, unused -> CallFrameTable.of(elf));
    }
}
