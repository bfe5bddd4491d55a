// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.model.StackTrace;
import java.util.List;

/**
 * What one tick collected from every sampled process.
 *
 * @param elapsedNanos time since sampling started, when the tick fired
 * @param traces       every thread's stack, unfiltered, file names not yet shortened
 * @param failures     the processes that could not be read this time
 * @param lateNanos    how late the tick fired
 * @param missedTicks  ticks skipped just before this one because sampling fell behind
 */
public record Sample(long elapsedNanos, List<StackTrace> traces, List<SampleFailure> failures, long lateNanos,
                     long missedTicks) {
    public Sample {
        traces = List.copyOf(traces);
        failures = List.copyOf(failures);
    }
}
