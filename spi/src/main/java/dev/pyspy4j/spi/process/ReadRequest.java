// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

import java.nio.ByteBuffer;
import java.util.Objects;

/** One range of a batched read: {@code target.remaining()} bytes from {@code address}. */
public record ReadRequest(long address, ByteBuffer target) {
    public ReadRequest {
        Objects.requireNonNull(target, "target is null");
    }
}
