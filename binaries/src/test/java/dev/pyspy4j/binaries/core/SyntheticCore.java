// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.core;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a small x86_64 core file straight from the layouts of elf(5) and linux/elfcore.h (independently of the
 * reader): two threads, the process's name and arguments, one mapped file and one region of which the first page
 * is dumped.
 */
final class SyntheticCore {
    static final long PID = 4242;
    static final long SECOND_THREAD = 4243;
    static final long REGION = 0x10000;
    static final int PAGE = 4096;
    static final long MAPPED = 0x20000;
    static final String MAPPED_FILE = "/usr/lib/libexample.so.1";
    static final long RIP = 0x20123;
    private static final int HEADER = 64;
    private static final int PROGRAM_HEADER = 56;

    private SyntheticCore() {
    }

    /** The core's bytes. */
    static byte[] bytes() {
        byte[] notes = notes();
        int notesOffset = HEADER + 2 * PROGRAM_HEADER;
        int loadOffset = align(notesOffset + notes.length, PAGE);
        ByteBuffer out = ByteBuffer.allocate(loadOffset + PAGE).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        out.position(16);
        out.putShort((short) 4).putShort((short) 62).putInt(1).putLong(0).putLong(HEADER).putLong(0).putInt(0)
                .putShort((short) HEADER).putShort((short) PROGRAM_HEADER).putShort((short) 2).putShort((short) 64)
                .putShort((short) 0).putShort((short) 0);
        // PT_NOTE, then PT_LOAD: one page dumped of two.
        out.putInt(4).putInt(0).putLong(notesOffset).putLong(0).putLong(0).putLong(notes.length).putLong(0)
                .putLong(4);
        out.putInt(1).putInt(6).putLong(loadOffset).putLong(REGION).putLong(0).putLong(PAGE).putLong(2L * PAGE)
                .putLong(PAGE);
        out.put(notesOffset, notes);
        for (int i = 0; i < PAGE; i++) {
            out.put(loadOffset + i, (byte) i);
        }
        return out.array();
    }

    /** Where the dumped page lies in the file. */
    static int loadOffset() {
        return align(HEADER + 2 * PROGRAM_HEADER + notes().length, PAGE);
    }

    private static byte[] notes() {
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        note(notes, 1, prstatus(PID, 11));
        note(notes, 1, prstatus(SECOND_THREAD, 0));
        note(notes, 3, prpsinfo());
        note(notes, 0x46494c45, files());
        return notes.toByteArray();
    }

    private static byte[] prstatus(long tid, int signal) {
        ByteBuffer status = ByteBuffer.allocate(336).order(ByteOrder.LITTLE_ENDIAN);
        status.putShort(12, (short) signal);
        status.putInt(32, (int) tid);
        for (int i = 0; i < 27; i++) {
            status.putLong(112 + 8 * i, tid * 100 + i);
        }
        status.putLong(112 + 8 * 16, RIP);
        return status.array();
    }

    private static byte[] prpsinfo() {
        ByteBuffer info = ByteBuffer.allocate(136).order(ByteOrder.LITTLE_ENDIAN);
        info.putInt(24, (int) PID);
        info.put(40, "python3".getBytes(StandardCharsets.US_ASCII));
        info.put(56, "python3 app.py --port 8080".getBytes(StandardCharsets.US_ASCII));
        return info.array();
    }

    private static byte[] files() {
        byte[] name = (MAPPED_FILE + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer files = ByteBuffer.allocate(16 + 24 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        files.putLong(1).putLong(PAGE).putLong(MAPPED).putLong(MAPPED + 2 * PAGE).putLong(3).put(name);
        return files.array();
    }

    private static void note(ByteArrayOutputStream out, int type, byte[] descriptor) {
        ByteBuffer header = ByteBuffer.allocate(12 + 8).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(5).putInt(descriptor.length).putInt(type).put("CORE\0\0\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(header.array());
        out.writeBytes(descriptor);
        out.writeBytes(new byte[align(descriptor.length, 4) - descriptor.length]);
    }

    private static int align(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
