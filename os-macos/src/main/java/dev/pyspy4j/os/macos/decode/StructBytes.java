// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.decode;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bytes of one fixed-size structure the kernel filled in, checked to be long enough before any field is read.
 * Both architectures macOS runs on (x86_64, arm64) are little-endian, and the kernel writes native order.
 */
final class StructBytes {
    private StructBytes() {
    }

    /** {@code bytes} as a little-endian buffer, or MALFORMED_INPUT when shorter than {@code size}. */
    static ByteBuffer of(byte[] bytes, int size, String struct) {
        if (bytes == null || bytes.length < size) {
            throw malformed(struct, (bytes == null ? 0 : bytes.length) + " bytes, shorter than its " + size);
        }
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static SpyException malformed(String struct, String detail) {
        return new SpyException(FailureKind.MALFORMED_INPUT, "malformed " + struct + " from the kernel: " + detail);
    }
}
