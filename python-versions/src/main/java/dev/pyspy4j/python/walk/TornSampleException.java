// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;

/** The copied structures do not form a valid stack: the target changed them while they were being read. */
public final class TornSampleException extends SpyException {
    private static final long serialVersionUID = 1L;

    /** How failures of this kind are counted together, e.g. in record's summary. */
    public static final String REASON = "torn stack";

    public TornSampleException(String message) {
        super(FailureKind.MEMORY_READ, message, REASON, null);
    }
}
