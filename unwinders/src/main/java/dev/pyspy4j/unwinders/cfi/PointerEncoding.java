// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

/**
 * The {@code DW_EH_PE_*} pointer encodings of {@code .eh_frame} and {@code .eh_frame_hdr} (the LSB's "Exception
 * Frames"): the low nibble says how the value is stored, bits 4-6 what it is relative to, bit 7 that the value is
 * the address of the pointer rather than the pointer.
 */
final class PointerEncoding {
    static final int ABSPTR = 0x00;
    static final int ULEB128 = 0x01;
    static final int UDATA2 = 0x02;
    static final int UDATA4 = 0x03;
    static final int UDATA8 = 0x04;
    static final int SLEB128 = 0x09;
    static final int SDATA2 = 0x0a;
    static final int SDATA4 = 0x0b;
    static final int SDATA8 = 0x0c;

    static final int PCREL = 0x10;
    static final int TEXTREL = 0x20;
    static final int DATAREL = 0x30;
    static final int FUNCREL = 0x40;
    static final int ALIGNED = 0x50;
    static final int INDIRECT = 0x80;
    static final int OMIT = 0xff;

    private PointerEncoding() {
    }

    /**
     * Reads a pointer stored with {@code encoding}.
     *
     * @param bases what {@code textrel}, {@code datarel}, {@code funcrel} and {@code indirect} refer to
     */
    static long read(CfiCursor cursor, int encoding, PointerBases bases) {
        if (encoding == OMIT) {
            throw cursor.malformed("an omitted pointer cannot be read");
        }
        long fieldAddress = cursor.addressOfPosition();
        int application = encoding & 0x70;
        if (application == ALIGNED) {
            int misalignment = (int) (fieldAddress & 7);
            cursor.skip(misalignment == 0 ? 0 : 8 - misalignment);
            fieldAddress = cursor.addressOfPosition();
        }
        long value = readValue(cursor, encoding & 0x0f);
        long base = switch (application) {
            case ABSPTR, ALIGNED -> 0;
            case PCREL -> fieldAddress;
            case TEXTREL -> bases.text(cursor);
            case DATAREL -> bases.data(cursor);
            case FUNCREL -> bases.function(cursor);
            default -> throw cursor.malformed("unknown pointer application 0x" + Integer.toHexString(application));
        };
        long pointer = base + value;
        return (encoding & INDIRECT) != 0 ? bases.dereference(cursor, pointer) : pointer;
    }

    /** Reads a value (a range, a count) stored with the format of {@code encoding}, ignoring its application. */
    static long readValue(CfiCursor cursor, int format) {
        return switch (format) {
            case ABSPTR, UDATA8, SDATA8 -> cursor.u64();
            case ULEB128 -> cursor.uleb();
            case UDATA2 -> cursor.u16();
            case UDATA4 -> cursor.u32();
            case SLEB128 -> cursor.sleb();
            case SDATA2 -> cursor.s16();
            case SDATA4 -> cursor.s32();
            default -> throw cursor.malformed("unknown pointer format 0x" + Integer.toHexString(format));
        };
    }

    /** The size of a fixed-size format, or -1 for LEB128 (not searchable). */
    static int fixedSize(int encoding) {
        return switch (encoding & 0x0f) {
            case ABSPTR, UDATA8, SDATA8 -> 8;
            case UDATA2, SDATA2 -> 2;
            case UDATA4, SDATA4 -> 4;
            default -> -1;
        };
    }
}
