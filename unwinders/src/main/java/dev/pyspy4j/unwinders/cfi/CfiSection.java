// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One call-frame section, {@code .eh_frame} or {@code .debug_frame}: a sequence of length-prefixed CIEs and FDEs
 * (DWARF 5 §6.4.1, and the LSB's {@code .eh_frame} variant, which marks CIEs with id 0, points from an FDE to its
 * CIE by a distance back from the pointer field, and encodes FDE addresses as the CIE's {@code R} augmentation
 * says). Parses entries on demand and keeps the CIEs it parsed.
 */
final class CfiSection {
    /** The two flavours differ in how CIEs are marked and found. */
    enum Kind { EH_FRAME, DEBUG_FRAME }

    private final Kind kind;
    private final CfiCursor cursor;
    private final PointerBases bases;
    private final Map<Integer, CommonInformationEntry> cies = new HashMap<>();

    CfiSection(Kind kind, ByteBuffer bytes, long sectionAddress, PointerBases bases) {
        this.kind = kind;
        this.cursor = new CfiCursor(bytes, sectionAddress, kind == Kind.EH_FRAME ? ".eh_frame" : ".debug_frame");
        this.bases = bases;
    }

    Kind kind() {
        return kind;
    }

    long sectionAddress() {
        return cursor.sectionAddress();
    }

    int size() {
        return cursor.size();
    }

    CfiCursor cursor() {
        return cursor;
    }

    PointerBases bases() {
        return bases;
    }

    /**
     * Every FDE of the section, in section order, with address ranges as the binary records them. Entries with an
     * empty range are left out (linkers leave them for discarded functions).
     */
    List<FrameDescriptionEntry> allFdes() {
        List<FrameDescriptionEntry> fdes = new ArrayList<>();
        int offset = 0;
        while (offset < cursor.size()) {
            EntryHeader header = header(offset);
            if (header == null) {
                break;
            }
            if (!header.isCie(kind)) {
                FrameDescriptionEntry fde = fdeFrom(header);
                if (fde.pcBegin() != fde.pcEnd()) {
                    fdes.add(fde);
                }
            }
            offset = header.end;
        }
        return fdes;
    }

    /** The FDE at {@code offset}. */
    FrameDescriptionEntry fdeAt(int offset) {
        EntryHeader header = header(offset);
        if (header == null || header.isCie(kind)) {
            throw cursor.malformed("no FDE at offset 0x" + Integer.toHexString(offset));
        }
        return fdeFrom(header);
    }

    private FrameDescriptionEntry fdeFrom(EntryHeader header) {
        int cieOffset;
        if (kind == Kind.EH_FRAME) {
            long distance = header.id;
            cieOffset = (int) (header.idPosition - distance);
            if (distance > header.idPosition) {
                throw cursor.malformed("FDE at 0x" + Integer.toHexString(header.start) + " points before the section");
            }
        } else {
            if (header.id >= cursor.size()) {
                throw cursor.malformed("FDE at 0x" + Integer.toHexString(header.start) + " points past the section");
            }
            cieOffset = (int) header.id;
        }
        CommonInformationEntry cie = cieAt(cieOffset);
        CfiCursor in = cursor.at(header.bodyStart, header.end);
        long pcBegin = PointerEncoding.read(in, cie.fdeEncoding(), bases);
        long range = PointerEncoding.readValue(in, cie.fdeEncoding() & 0x0f);
        if (cie.hasAugmentationData()) {
            in.skip(in.uleb());
        }
        return new FrameDescriptionEntry(header.start, cie, pcBegin, pcBegin + range, in.position(), header.end);
    }

    /** The CIE at {@code offset}, parsed once. */
    CommonInformationEntry cieAt(int offset) {
        CommonInformationEntry known = cies.get(offset);
        if (known != null) {
            return known;
        }
        EntryHeader header = header(offset);
        if (header == null || !header.isCie(kind)) {
            throw cursor.malformed("no CIE at offset 0x" + Integer.toHexString(offset));
        }
        CommonInformationEntry cie = parseCie(header);
        cies.put(offset, cie);
        return cie;
    }

    private CommonInformationEntry parseCie(EntryHeader header) {
        CfiCursor in = cursor.at(header.bodyStart, header.end);
        int version = in.u8();
        if (version != 1 && version != 3 && version != 4) {
            throw in.malformed("CIE at 0x" + Integer.toHexString(header.start) + " has unknown version " + version);
        }
        String augmentation = in.string();
        if (version == 4) {
            int addressSize = in.u8();
            in.u8(); // segment selector size: x86_64 has no segmented addresses
            if (addressSize != 8) {
                throw in.malformed("CIE at 0x" + Integer.toHexString(header.start) + " has address size " + addressSize);
            }
        }
        long codeAlignment = in.uleb();
        long dataAlignment = in.sleb();
        int returnAddressRegister = version == 1 ? in.u8() : in.ulebInt("return address register");
        int fdeEncoding = PointerEncoding.ABSPTR;
        boolean signalFrame = false;
        boolean hasData = !augmentation.isEmpty() && augmentation.charAt(0) == 'z';
        if (hasData) {
            long length = in.uleb();
            if (length > in.limit() - in.position()) {
                throw in.malformed("CIE augmentation data overruns the CIE at 0x" + Integer.toHexString(header.start));
            }
            int dataEnd = in.position() + (int) length;
            for (int i = 1; i < augmentation.length(); i++) {
                switch (augmentation.charAt(i)) {
                    case 'R' -> fdeEncoding = in.u8();
                    case 'L' -> in.u8(); // LSDA encoding: exception handling only
                    case 'P' -> PointerEncoding.read(in, in.u8(), bases); // personality routine: not needed
                    case 'S' -> signalFrame = true;
                    case 'B' -> {
                        // AArch64 branch-target marker; carries no data
                    }
                    default -> throw in.malformed("unknown CIE augmentation '" + augmentation + "'");
                }
            }
            in.seek(dataEnd, header.end);
        } else if (!augmentation.isEmpty()) {
            throw in.malformed("unsupported CIE augmentation '" + augmentation + "'");
        }
        if (fdeEncoding != PointerEncoding.OMIT && PointerEncoding.fixedSize(fdeEncoding) < 0
                && (fdeEncoding & 0x0f) != PointerEncoding.ULEB128 && (fdeEncoding & 0x0f) != PointerEncoding.SLEB128) {
            throw in.malformed("unknown FDE pointer encoding 0x" + Integer.toHexString(fdeEncoding));
        }
        return new CommonInformationEntry(header.start, codeAlignment, dataAlignment, returnAddressRegister,
                fdeEncoding, hasData, signalFrame, in.position(), header.end);
    }

    /** The length and id of the entry at {@code offset}; null at a terminator (length 0) or the section end. */
    private EntryHeader header(int offset) {
        if (offset < 0 || offset >= cursor.size()) {
            throw cursor.malformed("entry offset 0x" + Integer.toHexString(offset) + " is outside the section");
        }
        CfiCursor in = cursor.at(offset, cursor.size());
        long length = in.u32();
        boolean dwarf64 = length == 0xffffffffL;
        if (dwarf64) {
            length = in.u64();
        }
        if (length == 0) {
            return null;
        }
        int bodyStart = in.position();
        if (length < 0 || length > in.limit() - bodyStart) {
            throw in.malformed("entry at 0x" + Integer.toHexString(offset) + " overruns the section");
        }
        int end = bodyStart + (int) length;
        in.seek(bodyStart, end);
        long id = dwarf64 ? in.u64() : in.u32();
        return new EntryHeader(offset, bodyStart, in.position(), end, id, dwarf64);
    }

    private record EntryHeader(int start, int idPosition, int bodyStart, int end, long id, boolean dwarf64) {
        boolean isCie(Kind kind) {
            if (kind == Kind.EH_FRAME) {
                return id == 0;
            }
            return dwarf64 ? id == -1L : id == 0xffffffffL;
        }
    }
}
