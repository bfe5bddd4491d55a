// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfSectionHeader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The call-frame information of one binary: {@code .eh_frame}, searched through {@code .eh_frame_hdr}'s table (or
 * through an index built once when there is none), then {@code .debug_frame} (from the binary itself or from its
 * separate debug file). Answers "what is the unwind row at this address" with addresses as the binary records them
 * (subtract the load bias first). Remembers its answers, so that a sample costs a hash lookup per frame.
 * Used by one thread.
 */
public final class CallFrameTable {
    private static final int MAX_REMEMBERED_ROWS = 1 << 16;

    private final String binary;
    private final CfiSection ehFrame;
    private final ByteBuffer ehFrameHdr;
    private final long ehFrameHdrAddress;
    private final CfiSection debugFrame;
    private FdeIndex ehFrameIndex;
    private FdeIndex debugFrameIndex;
    private final Map<Long, Optional<UnwindRow>> rows = new HashMap<>();

    private CallFrameTable(String binary, CfiSection ehFrame, ByteBuffer ehFrameHdr, long ehFrameHdrAddress,
                           CfiSection debugFrame) {
        this.binary = binary;
        this.ehFrame = ehFrame;
        this.ehFrameHdr = ehFrameHdr;
        this.ehFrameHdrAddress = ehFrameHdrAddress;
        this.debugFrame = debugFrame;
    }

    /** The table of {@code elf}; reads nothing but section headers until the first lookup. */
    public static CallFrameTable of(ElfFile elf) {
        return of(elf, null);
    }

    /**
     * The table of {@code elf}, with {@code .debug_frame} taken from {@code debugFile} (its separate debug file)
     * when {@code elf} has none.
     */
    public static CallFrameTable of(ElfFile elf, ElfFile debugFile) {
        PointerBases bases = basesOf(elf);
        CfiSection ehFrame = elf.section(".eh_frame").filter(ElfSectionHeader::hasFileData)
                .map(section -> new CfiSection(CfiSection.Kind.EH_FRAME, elf.sectionData(section), section.sh_addr,
                        gotBased(elf, bases)))
                .orElse(null);
        Optional<ElfSectionHeader> hdr = elf.section(".eh_frame_hdr").filter(ElfSectionHeader::hasFileData);
        ElfFile debugSource = elf.section(".debug_frame").isPresent() || debugFile == null ? elf : debugFile;
        CfiSection debugFrame = debugSource.section(".debug_frame").filter(ElfSectionHeader::hasFileData)
                .map(section -> new CfiSection(CfiSection.Kind.DEBUG_FRAME, debugSource.sectionData(section), 0,
                        PointerBases.none()))
                .orElse(null);
        return new CallFrameTable(elf.fileName(), ehFrame, hdr.map(elf::sectionData).orElse(null),
                hdr.map(section -> section.sh_addr).orElse(0L), debugFrame);
    }

    /** A table over raw section bytes, for tests: {@code .eh_frame} at {@code ehFrameAddress}, no header. */
    static CallFrameTable ofEhFrame(ByteBuffer ehFrame, long ehFrameAddress) {
        return new CallFrameTable("test", new CfiSection(CfiSection.Kind.EH_FRAME, ehFrame, ehFrameAddress,
                PointerBases.none()), null, 0, null);
    }

    /**
     * The unwind row in force at {@code pc} (an address as the binary records it); empty when no FDE covers it.
     *
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT when the tables are malformed
     */
    public Optional<UnwindRow> rowAt(long pc) {
        Optional<UnwindRow> known = rows.get(pc);
        if (known != null) {
            return known;
        }
        Optional<UnwindRow> row = find(pc);
        if (rows.size() >= MAX_REMEMBERED_ROWS) {
            rows.clear();
        }
        rows.put(pc, row);
        return row;
    }

    /**
     * The range of every intact FDE of {@code .eh_frame}, by start address; empty when the binary has none. A
     * malformed entry is left out (its range is unknown), the others are still listed.
     */
    public List<CodeRange> ehFrameRanges() {
        if (ehFrame == null) {
            return List.of();
        }
        return ehFrame.scan().fdes().stream()
                .map(fde -> new CodeRange(fde.pcBegin(), fde.pcEnd()))
                .sorted(Comparator.comparing(CodeRange::start, Long::compareUnsigned))
                .toList();
    }

    /** The FDE covering {@code pc}, for tests: its range, or empty. */
    Optional<FrameDescriptionEntry> fdeAt(long pc) {
        Optional<FrameDescriptionEntry> fde = ehFrame == null ? Optional.empty() : ehFrameIndex().find(pc);
        if (fde.isEmpty() && debugFrame != null) {
            fde = debugFrameIndex().find(pc);
        }
        return fde;
    }

    private Optional<UnwindRow> find(long pc) {
        if (ehFrame != null) {
            Optional<FrameDescriptionEntry> fde = ehFrameIndex().find(pc);
            if (fde.isPresent()) {
                return Optional.of(CfiInterpreter.rowAt(ehFrame, fde.get(), pc));
            }
        }
        if (debugFrame != null) {
            Optional<FrameDescriptionEntry> fde = debugFrameIndex().find(pc);
            if (fde.isPresent()) {
                return Optional.of(CfiInterpreter.rowAt(debugFrame, fde.get(), pc));
            }
        }
        return Optional.empty();
    }

    private FdeIndex ehFrameIndex() {
        if (ehFrameIndex == null) {
            Optional<EhFrameHdrIndex> fromHeader = ehFrameHdr == null ? Optional.empty()
                    : EhFrameHdrIndex.read(ehFrameHdr, ehFrameHdrAddress, ehFrame, ehFrame.bases());
            ehFrameIndex = fromHeader.<FdeIndex>map(index -> index).orElseGet(() -> new SortedFdeIndex(ehFrame));
        }
        return ehFrameIndex;
    }

    private FdeIndex debugFrameIndex() {
        if (debugFrameIndex == null) {
            debugFrameIndex = new SortedFdeIndex(debugFrame);
        }
        return debugFrameIndex;
    }

    @Override
    public String toString() {
        return "CallFrameTable[" + binary + "]";
    }

    private static PointerBases basesOf(ElfFile elf) {
        OptionalLong text = elf.section(".text").map(section -> OptionalLong.of(section.sh_addr))
                .orElse(OptionalLong.empty());
        return new PointerBases(text, OptionalLong.empty(), OptionalLong.empty(), address -> readPointer(elf, address));
    }

    /** In {@code .eh_frame}, {@code datarel} pointers are relative to the GOT (i386 psABI; unused by x86_64 gcc). */
    private static PointerBases gotBased(ElfFile elf, PointerBases bases) {
        return elf.section(".got").map(got -> bases.withData(got.sh_addr)).orElse(bases);
    }

    /** The 8-byte pointer the binary stores at {@code address}, for {@code indirect} encodings. */
    private static OptionalLong readPointer(ElfFile elf, long address) {
        for (ElfSectionHeader section : elf.sectionHeaders()) {
            long offset = address - section.sh_addr;
            if (section.isAllocated() && section.hasFileData() && offset >= 0 && offset <= section.sh_size - 8) {
                ByteBuffer data = elf.sectionData(section).order(ByteOrder.LITTLE_ENDIAN);
                return OptionalLong.of(data.getLong(data.position() + (int) offset));
            }
        }
        return OptionalLong.empty();
    }
}
