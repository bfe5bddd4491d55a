// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

import java.util.Map;
import java.util.Set;

/**
 * Looks at the threads of one process. Take snapshots while the target runs: a paused thread looks idle.
 * Used by one sampler thread.
 */
public interface ThreadActivityProbe extends AutoCloseable {
    /** The activity of every current thread, keyed by OS thread id. */
    Map<Long, ThreadActivity> snapshot();

    /**
     * The threads, by OS thread id, that the latest {@link #snapshot} found not to have been on a CPU at all since
     * the snapshot before it, so that whatever only a thread itself changes (its stack, its registers) is as it was
     * then. Only a proof counts: a thread that might have run is left out. Empty when nothing is known, the default.
     */
    default Set<Long> notRunSincePreviousSnapshot() {
        return Set.of();
    }

    @Override
    void close();
}
