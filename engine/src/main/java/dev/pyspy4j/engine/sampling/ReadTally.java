// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.model.ProcessInfo;

/** Counts the reads of one process of a tree as they happen; {@link #snapshot} makes a {@link ProcessTally}. */
final class ReadTally {
    private long reads;
    private long failures;
    private long firstReadAt;
    private long lastReadAt;

    /** One read at {@code now}, successful or not. */
    void add(boolean failed, long now) {
        if (reads + failures == 0) {
            firstReadAt = now;
        }
        lastReadAt = now;
        if (failed) {
            failures++;
        } else {
            reads++;
        }
    }

    boolean isEmpty() {
        return reads + failures == 0;
    }

    ProcessTally snapshot(ProcessInfo process) {
        return new ProcessTally(process, reads, failures, lastReadAt - firstReadAt);
    }
}
