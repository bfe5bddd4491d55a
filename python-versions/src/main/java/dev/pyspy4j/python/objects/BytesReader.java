// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.objects;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;

/** Reads {@code bytes} objects (Python 2 {@code str}): a variable-size header followed by the data. */
public final class BytesReader {
    /** Line tables and names are far smaller; a bigger size means a torn or wrong pointer. */
    public static final int MAX_BYTES = 4 << 20;

    private final RemoteReader reader;
    private final ObjectLayout layout;

    public BytesReader(RemoteReader reader, ObjectLayout layout) {
        this.reader = reader;
        this.layout = layout;
    }

    public byte[] read(long address) {
        long size = reader.pointer(address + layout.obSize());
        if (size < 0 || size > MAX_BYTES) {
            throw new SpyException(FailureKind.MEMORY_READ, "implausible bytes size " + size + " at 0x"
                    + Long.toHexString(address));
        }
        return size == 0 ? new byte[0] : reader.bytes(address + layout.bytesData(), (int) size);
    }
}
