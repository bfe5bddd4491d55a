// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.jna;

import dev.pyspy4j.os.macos.calls.MacCalls;

/**
 * The real {@link MacCalls}, bound on first use: the holder class, and with it JNA and {@code libSystem}, is
 * initialised only when a provider on macOS first needs a system call.
 */
public final class NativeMacCalls {
    private NativeMacCalls() {
    }

    public static MacCalls get() {
        return Holder.CALLS;
    }

    private static final class Holder {
        private static final MacCalls CALLS = new JnaMacCalls();
    }
}
