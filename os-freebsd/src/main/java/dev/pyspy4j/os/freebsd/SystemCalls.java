// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import dev.pyspy4j.os.freebsd.jna.JnaFreeBsdCalls;

/**
 * The real system calls, bound through JNA on first use only: on any other system the provider is loaded, asked
 * {@code isSupported}, and never touches libc.
 */
final class SystemCalls {
    private static FreeBsdCalls calls;

    private SystemCalls() {
    }

    static synchronized FreeBsdCalls get() {
        if (calls == null) {
            calls = new JnaFreeBsdCalls();
        }
        return calls;
    }
}
