// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads Python 2 text: {@code str} ({@code PyStringObject}, bytes shown as UTF-8, the usual source encoding) and
 * {@code unicode} ({@code PyUnicodeObject}, a separate {@code Py_UNICODE} buffer of 2 or 4 bytes per unit).
 */
public final class Py2TextReader implements TextReader {
    private final RemoteReader reader;
    private final ObjectLayout layout;
    private final BytesReader bytes;
    private final long unicodeFlag;
    private final int unicodeLength;
    private final int unicodeBuffer;
    private final int unitSize;

    public Py2TextReader(RemoteReader reader, StructLayouts t, ObjectLayout layout) {
        this.reader = reader;
        this.layout = layout;
        this.bytes = new BytesReader(reader, layout);
        this.unicodeFlag = t.constant("Py_TPFLAGS_UNICODE_SUBCLASS");
        this.unicodeLength = t.offset("PyUnicodeObject.length");
        this.unicodeBuffer = t.offset("PyUnicodeObject.str");
        this.unitSize = (int) t.constant("Py_UNICODE_SIZE");
    }

    @Override
    public String read(long address) {
        long type = reader.pointer(address + layout.obType());
        long flags = reader.pointer(type + layout.tpFlags());
        if ((flags & unicodeFlag) == 0) {
            return new String(bytes.read(address), StandardCharsets.UTF_8);
        }
        long length = reader.pointer(address + unicodeLength);
        if (length < 0 || length > StringReader.MAX_CHARS) {
            throw new SpyException(FailureKind.MEMORY_READ, "implausible unicode length " + length);
        }
        byte[] units = reader.bytes(reader.pointer(address + unicodeBuffer), (int) length * unitSize);
        Charset charset = unitSize == 2 ? StandardCharsets.UTF_16LE : Charset.forName("UTF-32LE");
        return new String(units, charset);
    }
}
