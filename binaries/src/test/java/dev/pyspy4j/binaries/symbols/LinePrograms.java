// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Hand-assembled {@code .debug_line} units, written from the DWARF standard's layouts (independently of the reader):
 * one DWARF 4 unit and one DWARF 5 unit, whose rows the tests know.
 */
final class LinePrograms {
    static final int LINE_BASE = -5;
    static final int LINE_RANGE = 14;
    static final int OPCODE_BASE = 13;
    private static final byte[] STANDARD_OPCODE_LENGTHS = {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1};

    private LinePrograms() {
    }

    /**
     * Files {@code src/a.c} (1) and {@code b.h} (2). Rows: 0x1000 a.c:10, 0x1004 a.c:11 (a special opcode), 0x100c
     * b.h:16, end of sequence at 0x1010.
     */
    static byte[] dwarf4() {
        Bytes header = new Bytes();
        header.u8(1).u8(1).u8(1).u8(LINE_BASE).u8(LINE_RANGE).u8(OPCODE_BASE).raw(STANDARD_OPCODE_LENGTHS);
        header.string("src").u8(0);
        header.string("a.c").uleb(1).uleb(0).uleb(0);
        header.string("b.h").uleb(0).uleb(0).uleb(0);
        header.u8(0);
        Bytes program = new Bytes();
        setAddress(program, 0x1000);
        program.u8(3).sleb(9);
        program.u8(1);
        program.u8(OPCODE_BASE + 4 * LINE_RANGE + (1 - LINE_BASE));
        program.u8(4).uleb(2);
        program.u8(2).uleb(8);
        program.u8(3).sleb(5);
        program.u8(1);
        program.u8(2).uleb(4);
        program.u8(0).uleb(1).u8(1);
        return unit(4, new byte[0], header.bytes(), program.bytes());
    }

    /**
     * Directories {@code /build} (0) and {@code lib} (1); files {@code main.c} in 0 and {@code util.c} in 1. Rows:
     * 0x2000 /build/main.c:5, 0x2010 /build/lib/util.c:7, end of sequence at 0x2012.
     */
    static byte[] dwarf5() {
        Bytes header = new Bytes();
        header.u8(1).u8(1).u8(1).u8(LINE_BASE).u8(LINE_RANGE).u8(OPCODE_BASE).raw(STANDARD_OPCODE_LENGTHS);
        // directory table: one field, DW_LNCT_path as DW_FORM_string
        header.u8(1).uleb(1).uleb(0x08).uleb(2).string("/build").string("lib");
        // file table: DW_LNCT_path as DW_FORM_string, DW_LNCT_directory_index as DW_FORM_udata
        header.u8(2).uleb(1).uleb(0x08).uleb(2).uleb(0x0f).uleb(2);
        header.string("main.c").uleb(0).string("util.c").uleb(1);
        Bytes program = new Bytes();
        setAddress(program, 0x2000);
        program.u8(4).uleb(0);
        program.u8(3).sleb(4);
        program.u8(1);
        program.u8(2).uleb(0x10);
        program.u8(4).uleb(1);
        program.u8(3).sleb(2);
        program.u8(1);
        program.u8(2).uleb(2);
        program.u8(0).uleb(1).u8(1);
        return unit(5, new byte[] {8, 0}, header.bytes(), program.bytes());
    }

    static byte[] both() {
        byte[] first = dwarf4();
        byte[] second = dwarf5();
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void setAddress(Bytes program, long address) {
        program.u8(0).uleb(9).u8(2).u64(address);
    }

    /** unit_length, version, [address_size, segment_selector_size], header_length, header, program (32-bit DWARF). */
    private static byte[] unit(int version, byte[] afterVersion, byte[] header, byte[] program) {
        Bytes unit = new Bytes();
        unit.u32(2 + afterVersion.length + 4 + header.length + program.length);
        unit.u16(version).raw(afterVersion).u32(header.length).raw(header).raw(program);
        return unit.bytes();
    }

    /** Little-endian DWARF encodings. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int value) {
            out.write(value);
            return this;
        }

        Bytes u16(int value) {
            return raw(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array());
        }

        Bytes u32(long value) {
            return raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array());
        }

        Bytes u64(long value) {
            return raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
        }

        Bytes uleb(long value) {
            do {
                int b = (int) (value & 0x7f);
                value >>>= 7;
                out.write(value != 0 ? b | 0x80 : b);
            } while (value != 0);
            return this;
        }

        Bytes sleb(long value) {
            boolean more = true;
            while (more) {
                int b = (int) (value & 0x7f);
                value >>= 7;
                more = !((value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0));
                out.write(more ? b | 0x80 : b);
            }
            return this;
        }

        Bytes string(String text) {
            raw(text.getBytes(StandardCharsets.UTF_8));
            return u8(0);
        }

        Bytes raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
