// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.model.ProcessInfo;
import java.util.Objects;

/**
 * How one process of a tree was read over a run.
 *
 * @param process   the process, as its stacks are labelled
 * @param reads     successful reads
 * @param failures  failed reads
 * @param spanNanos time from its first read to its last
 */
public record ProcessTally(ProcessInfo process, long reads, long failures, long spanNanos) {
    public ProcessTally {
        Objects.requireNonNull(process, "process is null");
    }

    /** Reads (successful or not) per second between the first and the last; 0 with fewer than two. */
    public double readRate() {
        long all = reads + failures;
        return all < 2 || spanNanos <= 0 ? 0 : (all - 1) * 1e9 / spanNanos;
    }
}
