// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.kinfo;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;

/** The one failure of every decoder here: the bytes the kernel returned do not have the documented layout. */
final class MalformedRecords {
    private MalformedRecords() {
    }

    static SpyException of(String what, String problem) {
        return new SpyException(FailureKind.MALFORMED_INPUT, "malformed " + what + ": " + problem);
    }
}
