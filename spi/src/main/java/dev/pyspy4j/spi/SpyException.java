// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi;

import java.util.Objects;

/**
 * The single failure type across the SPI. Its message is one line written for users
 * (lower case, offending values quoted, no final period); its {@link FailureKind} decides the exit code.
 * Unchecked, because nearly every remote read can fail and callers handle failures at a few
 * well-defined places (per sample, per command) rather than at every read.
 */
public class SpyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final FailureKind kind;

    public SpyException(FailureKind kind, String message) {
        this(kind, message, null);
    }

    public SpyException(FailureKind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message is null"), cause);
        this.kind = Objects.requireNonNull(kind, "kind is null");
    }

    public FailureKind kind() {
        return kind;
    }
}
