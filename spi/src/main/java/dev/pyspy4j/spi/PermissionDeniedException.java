// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi;

import java.util.Objects;

/** A {@link FailureKind#PERMISSION_DENIED} failure that carries what the provider found out about the refusal. */
public class PermissionDeniedException extends SpyException {
    private static final long serialVersionUID = 1L;

    private final transient AccessDenial denial;

    public PermissionDeniedException(String message, String reason, AccessDenial denial, Throwable cause) {
        super(FailureKind.PERMISSION_DENIED, message, reason, cause);
        this.denial = Objects.requireNonNull(denial, "denial is null");
    }

    public AccessDenial denial() {
        return denial;
    }
}
