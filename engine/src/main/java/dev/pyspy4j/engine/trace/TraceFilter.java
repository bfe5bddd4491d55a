// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.trace;

import dev.pyspy4j.spi.model.StackTrace;

/**
 * Which stacks a recording keeps, as py-spy's record loop decides: idle threads only with
 * {@code --idle}, and with {@code --gil} only the thread holding the GIL. A thread without a single frame (one
 * starting up, or the main thread while the interpreter shuts down) is never kept: it says nothing about the code,
 * and a root-less stack would be an empty line in a collapsed-stack file.
 */
public record TraceFilter(boolean includeIdle, boolean gilOnly) {
    public boolean keeps(StackTrace trace) {
        return !trace.frames().isEmpty() && (includeIdle || trace.active()) && (!gilOnly || trace.ownsGil());
    }
}
