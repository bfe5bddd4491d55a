// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The binary-search table the linker writes into {@code .eh_frame_hdr} (the LSB's "eh_frame_hdr"): version 1, the
 * encodings of the {@code .eh_frame} pointer, of the entry count and of the table, then (initial location, FDE
 * address) pairs sorted by location. Searched in place, without copying it.
 */
final class EhFrameHdrIndex implements FdeIndex {
    private final CfiCursor table;
    private final CfiSection ehFrame;
    private final PointerBases bases;
    private final int tableEncoding;
    private final int entrySize;
    private final int tableStart;
    private final int count;

    private EhFrameHdrIndex(CfiCursor table, CfiSection ehFrame, PointerBases bases, int tableEncoding, int tableStart,
                            int count) {
        this.table = table;
        this.ehFrame = ehFrame;
        this.bases = bases;
        this.tableEncoding = tableEncoding;
        this.entrySize = 2 * PointerEncoding.fixedSize(tableEncoding);
        this.tableStart = tableStart;
        this.count = count;
    }

    /**
     * The index of {@code .eh_frame_hdr}, or empty when it has no table a binary search can use (none, or
     * entries of variable size); then the caller builds its own.
     *
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT when the header is malformed
     */
    static Optional<EhFrameHdrIndex> read(ByteBuffer bytes, long sectionAddress, CfiSection ehFrame,
                                          PointerBases bases) {
        CfiCursor in = new CfiCursor(bytes, sectionAddress, ".eh_frame_hdr");
        PointerBases hdrBases = bases.withData(sectionAddress);
        int version = in.u8();
        if (version != 1) {
            throw in.malformed("unknown version " + version);
        }
        int ehFramePointerEncoding = in.u8();
        int countEncoding = in.u8();
        int tableEncoding = in.u8();
        if (ehFramePointerEncoding != PointerEncoding.OMIT) {
            PointerEncoding.read(in, ehFramePointerEncoding, hdrBases);
        }
        if (countEncoding == PointerEncoding.OMIT || tableEncoding == PointerEncoding.OMIT
                || PointerEncoding.fixedSize(tableEncoding) < 0 || (tableEncoding & PointerEncoding.INDIRECT) != 0) {
            return Optional.empty();
        }
        long count = PointerEncoding.read(in, countEncoding, hdrBases);
        int entrySize = 2 * PointerEncoding.fixedSize(tableEncoding);
        if (count < 0 || count > (in.limit() - in.position()) / entrySize) {
            throw in.malformed("claims " + count + " entries but holds " + (in.limit() - in.position()) / entrySize);
        }
        return Optional.of(new EhFrameHdrIndex(in, ehFrame, hdrBases, tableEncoding, in.position(), (int) count));
    }

    int size() {
        return count;
    }

    @Override
    public Optional<FrameDescriptionEntry> find(long pc) {
        int low = 0;
        int high = count - 1;
        int best = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (Long.compareUnsigned(location(middle), pc) <= 0) {
                best = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        long fdeAddress = fdeAddress(best);
        long offset = fdeAddress - ehFrame.sectionAddress();
        if (offset < 0 || offset >= ehFrame.size()) {
            throw table.malformed("entry " + best + " points outside .eh_frame (0x" + Long.toHexString(fdeAddress) + ")");
        }
        FrameDescriptionEntry fde = ehFrame.fdeAt((int) offset);
        return fde.covers(pc) ? Optional.of(fde) : Optional.empty();
    }

    private long location(int entry) {
        CfiCursor in = table.at(tableStart + entry * entrySize, table.size());
        return PointerEncoding.read(in, tableEncoding, bases);
    }

    private long fdeAddress(int entry) {
        CfiCursor in = table.at(tableStart + entry * entrySize + entrySize / 2, table.size());
        return PointerEncoding.read(in, tableEncoding, bases);
    }
}
