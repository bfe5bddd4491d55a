// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.model.StackTrace;
import java.util.List;

/**
 * What one read of a {@link SampleSource} returned.
 *
 * @param traces    the stacks of every process that could be read
 * @param failures  the processes that could not
 * @param processesRead how many processes were read successfully (a process without Python threads adds none
 *                  to {@code traces} but still counts)
 */
public record SourceReading(List<StackTrace> traces, List<SampleFailure> failures, int processesRead) {
    public SourceReading {
        traces = List.copyOf(traces);
        failures = List.copyOf(failures);
    }

    /** Nothing read and nothing failed: the processes are gone. */
    public static SourceReading none() {
        return new SourceReading(List.of(), List.of(), 0);
    }
}
