// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.python;

import dev.pyspy4j.spi.model.StackTrace;
import java.util.List;

/**
 * The stacks of one sample, in the interpreter's thread-list order (newest thread first), and what it cost.
 *
 * @param traces       one per Python thread
 * @param pausedNanos  how long the target was stopped for this sample (0 without pausing)
 */
public record InterpreterSample(List<StackTrace> traces, long pausedNanos) {
    public InterpreterSample {
        traces = List.copyOf(traces);
    }
}
