// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.trace;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.util.Locale;

/**
 * The pseudo-frame {@code --threads} puts at the root of every stack, so that each thread gets its own tower in a
 * flame graph: {@code thread (<os tid>)} or {@code thread (<os tid>): <name>}, with the interpreter's pthread id in
 * hexadecimal ({@code 0x7F12...}, Rust's {@code {:#X}} as py-spy prints it) when the OS thread id is unknown.
 */
public final class ThreadFrames {
    private ThreadFrames() {
    }

    /** The label of a thread's pseudo-frame. */
    public static String label(StackTrace trace) {
        String id = trace.hasOsThreadId() ? Long.toString(trace.osThreadId())
                : "0x" + Long.toHexString(trace.threadId()).toUpperCase(Locale.ROOT);
        return trace.threadName() == null ? "thread (" + id + ")" : "thread (" + id + "): " + trace.threadName();
    }

    /** A frame without file or line, so that every format shows just the label. */
    public static Frame of(StackTrace trace) {
        return new Frame(label(trace), "", null, "", 0, null, false, false);
    }
}
