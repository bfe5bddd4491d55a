// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import dev.pyspy4j.spi.model.StackTrace;
import java.util.Locale;

/**
 * How a thread is named in outputs, as py-spy's {@code StackTrace::format_threadid}: the OS thread id in decimal
 * when known, else the interpreter's {@code pthread_t} in hexadecimal as Rust's {@code {:#X}} prints it
 * ({@code 0x7F12AB}).
 */
public final class ThreadIds {
    private ThreadIds() {
    }

    /** The thread's id for display. */
    public static String format(StackTrace trace) {
        return trace.hasOsThreadId() ? Long.toString(trace.osThreadId())
                : "0x" + Long.toHexString(trace.threadId()).toUpperCase(Locale.ROOT);
    }
}
