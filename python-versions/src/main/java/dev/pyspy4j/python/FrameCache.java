// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import dev.pyspy4j.python.walk.CodeInfo;
import dev.pyspy4j.spi.model.Frame;

/**
 * The {@link Frame}s of recent samples, handed out again for the same code object, line and flags: a steady
 * program's samples then make no new frames, and whoever consumes them (a recorder labelling frames) can
 * recognise a frame it has seen by its identity. A small direct-mapped table: a slot holds the last frame whose
 * key hashed there, so memory stays bounded and a collision only costs a new frame. Not thread-safe.
 */
final class FrameCache {
    private static final int SLOTS = 4096;

    private final CodeInfo[] codes = new CodeInfo[SLOTS];
    private final int[] lines = new int[SLOTS];
    private final long[] entryRecords = new long[SLOTS];
    private final byte[] flags = new byte[SLOTS];
    private final Frame[] frames = new Frame[SLOTS];

    /** A Python frame without locals of {@code code} at {@code line}. */
    Frame frame(CodeInfo code, int line, boolean entry, boolean shimEntry, long entryRecord) {
        byte flag = (byte) ((entry ? 1 : 0) | (shimEntry ? 2 : 0));
        int slot = slot(code, line, flag, entryRecord);
        if (codes[slot] == code && lines[slot] == line && flags[slot] == flag && entryRecords[slot] == entryRecord) {
            return frames[slot];
        }
        Frame frame = new Frame(code.name(), code.filename(), null, null, line, null, entry, shimEntry,
                entryRecord);
        codes[slot] = code;
        lines[slot] = line;
        flags[slot] = flag;
        entryRecords[slot] = entryRecord;
        frames[slot] = frame;
        return frame;
    }

    private static int slot(CodeInfo code, int line, byte flag, long entryRecord) {
        int hash = System.identityHashCode(code) * 31 + line;
        hash = hash * 31 + Long.hashCode(entryRecord);
        hash = hash * 4 + flag;
        hash ^= hash >>> 16;
        return hash & (SLOTS - 1);
    }
}
