// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.proc;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;

/** Text read from {@code /proc} did not have the documented shape (proc(5)); names the source and the bad part. */
public final class ProcParseException extends SpyException {
    private static final long serialVersionUID = 1L;

    ProcParseException(String source, String problem, String offendingText) {
        super(FailureKind.MALFORMED_INPUT, "malformed " + source + ": " + problem + " in '" + shorten(offendingText) + "'");
    }

    private static String shorten(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "...";
    }
}
