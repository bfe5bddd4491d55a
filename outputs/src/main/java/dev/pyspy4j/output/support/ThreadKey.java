// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import dev.pyspy4j.spi.model.StackTrace;

/**
 * A thread of one process, as the timeline formats keep threads apart: interpreter thread ids repeat across the
 * processes of a tree.
 */
public record ThreadKey(long pid, long threadId) {

    /** The thread {@code trace} was read from. */
    public static ThreadKey of(StackTrace trace) {
        return new ThreadKey(trace.pid(), trace.threadId());
    }
}
