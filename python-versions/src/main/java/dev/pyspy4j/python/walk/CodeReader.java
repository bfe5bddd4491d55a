// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.linetable.LineTableDecoder;
import dev.pyspy4j.python.objects.ObjectReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads a code object's names, line table and local-variable metadata through a {@link CodeLayout}. */
public final class CodeReader {
    private final ObjectReader objects;
    private final CodeLayout layout;
    private final LineTableDecoder decoder;
    private final long codeType;
    private final int windowStart;
    private final int windowLength;

    /** @param codeType address of {@code PyCode_Type}, to reject pointers to anything else; 0 when unknown */
    public CodeReader(ObjectReader objects, CodeLayout layout, LineTableDecoder decoder, long codeType) {
        this.objects = objects;
        this.layout = layout;
        this.decoder = decoder;
        this.codeType = codeType;
        this.windowStart = Math.min(layout.firstLineNo(), Math.min(layout.filename(), layout.name()));
        int end = Math.max(layout.firstLineNo() + 4, Math.max(layout.filename(), layout.name()) + 8);
        this.windowLength = end - windowStart;
    }

    /** Reads the code object at {@code address} in full. */
    public CodeInfo read(long address) {
        ByteBuffer code = objects.remote().struct(address, layout.size());
        if (codeType != 0 && code.getLong(objects.layout().obType()) != codeType) {
            // A frame that was being pushed or popped while we copied it: its code pointer is stale.
            throw new TornSampleException("0x" + Long.toHexString(address) + " is not a code object");
        }
        long filename = code.getLong(layout.filename());
        long name = code.getLong(layout.name());
        int firstLine = code.getInt(layout.firstLineNo());
        long lineTable = code.getLong(layout.lineTable());
        byte[] table = lineTable == 0 ? new byte[0] : objects.bytes(lineTable);
        return new CodeInfo(objects.string(name), objects.string(filename), firstLine,
                decoder.decode(table, firstLine), code.getInt(layout.argCount()),
                fingerprint(filename, name, firstLine), code.getInt(layout.localCount()),
                code.getLong(layout.localNames()),
                layout.localKinds() >= 0 ? code.getLong(layout.localKinds()) : 0);
    }

    /** The target's byte order, for code object bytes read in batches outside this reader. */
    ByteOrder byteOrder() {
        return objects.remote().byteOrder();
    }

    /** Offset of the smallest window of a code object that holds every fingerprinted field. */
    int fingerprintWindowStart() {
        return windowStart;
    }

    int fingerprintWindowLength() {
        return windowLength;
    }

    /** The fingerprint of a window read at {@link #fingerprintWindowStart()}. */
    long fingerprintOf(ByteBuffer window) {
        return fingerprint(window.getLong(layout.filename() - windowStart), window.getLong(layout.name() - windowStart),
                window.getInt(layout.firstLineNo() - windowStart));
    }

    /** Where the bytecode starts, relative to the code object (3.11+: the inline {@code co_code_adaptive}). */
    public int codeStart() {
        return layout.codeStart();
    }

    private static long fingerprint(long filename, long name, int firstLine) {
        long h = filename * 0x9E3779B97F4A7C15L;
        h = (h ^ name) * 0xC2B2AE3D27D4EB4FL;
        return h ^ firstLine;
    }
}
