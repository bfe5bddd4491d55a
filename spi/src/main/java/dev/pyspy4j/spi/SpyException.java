// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The single failure type across the SPI. Its message is one line written for users
 * (lower case, offending values quoted, no final period); its {@link FailureKind} decides the exit code.
 * Unchecked, because nearly every remote read can fail and callers handle failures at a few
 * well-defined places (per sample, per command) rather than at every read.
 */
public class SpyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final String reason;

    public SpyException(FailureKind kind, String message) {
        this(kind, message, null);
    }

    public SpyException(FailureKind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    /**
     * @param reason what went wrong in a few words that stay the same from one occurrence to the next (no addresses,
     *               no counts), e.g. {@code "torn stack"}; {@code null} when the kind says enough
     */
    public SpyException(FailureKind kind, String message, String reason, Throwable cause) {
        super(Objects.requireNonNull(message, "message is null"), cause);
        this.kind = Objects.requireNonNull(kind, "kind is null");
        this.reason = reason;
    }

    public FailureKind kind() {
        return kind;
    }

    /**
     * The cause in a few stable words, so that a run that fails many times can say how often it failed for each
     * cause; empty when the kind is all there is to say.
     */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
