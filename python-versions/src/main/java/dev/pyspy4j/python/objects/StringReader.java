// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads Python 3 {@code str} objects (PEP 393): compact ASCII, compact 1/2/4-byte kinds and legacy non-compact
 * strings whose characters live in a separate buffer.
 */
public final class StringReader implements TextReader {
    /** Longer strings are refused: no function or file name is this long, only garbage is. */
    public static final int MAX_CHARS = 1 << 20;
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private final RemoteReader reader;
    private final UnicodeLayout layout;

    public StringReader(RemoteReader reader, UnicodeLayout layout) {
        this.reader = reader;
        this.layout = layout;
    }

    /** The characters of the {@code str} at {@code address}. */
    @Override
    public String read(long address) {
        ByteBuffer header = reader.struct(address, layout.asciiSize());
        long length = header.getLong(layout.length());
        if (length < 0 || length > MAX_CHARS) {
            throw new SpyException(FailureKind.MEMORY_READ, "implausible string length " + length + " at 0x"
                    + Long.toHexString(address));
        }
        if (length == 0) {
            return "";
        }
        long state = Integer.toUnsignedLong(header.getInt(layout.state()));
        int kind = (int) bits(state, layout.kindMask());
        if (kind != 1 && kind != 2 && kind != 4) {
            throw new SpyException(FailureKind.MEMORY_READ, "invalid string kind " + kind + " at 0x"
                    + Long.toHexString(address));
        }
        boolean compact = bits(state, layout.compactMask()) != 0;
        boolean ascii = bits(state, layout.asciiMask()) != 0;
        long data;
        if (compact) {
            data = address + (ascii ? layout.asciiSize() : layout.compactSize());
        } else {
            data = reader.pointer(address + layout.nonCompactData());
        }
        byte[] bytes = reader.bytes(data, (int) length * kind);
        return new String(bytes, charset(kind));
    }

    private static Charset charset(int kind) {
        return switch (kind) {
            case 1 -> StandardCharsets.ISO_8859_1; // UCS1 is Latin-1, and ASCII is a subset of it
            case 2 -> StandardCharsets.UTF_16LE;
            default -> UTF_32LE;
        };
    }

    private static long bits(long value, long mask) {
        return (value & mask) >>> Long.numberOfTrailingZeros(mask);
    }
}
