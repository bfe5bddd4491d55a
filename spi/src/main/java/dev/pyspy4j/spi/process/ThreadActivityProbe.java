// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

import java.util.Map;

/**
 * Looks at the threads of one process. Take snapshots while the target runs: a paused thread looks idle.
 * Used by one sampler thread.
 */
public interface ThreadActivityProbe extends AutoCloseable {
    /** The activity of every current thread, keyed by OS thread id. */
    Map<Long, ThreadActivity> snapshot();

    @Override
    void close();
}
