// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.model;

import java.util.List;

/**
 * The asyncio tasks of a process at one moment ({@code dump --asyncio}).
 *
 * @param loops       each event loop with its tasks
 * @param skipped     tasks left out: beyond the bound on how many are read, or unreadable (freed or changing while
 *                    read)
 * @param unavailable why no task could be read at all (asyncio not imported, a version or loop not understood);
 *                    {@code null} when they were read
 */
public record AsyncioSnapshot(List<AsyncioLoop> loops, long skipped, String unavailable) {
    public AsyncioSnapshot {
        loops = List.copyOf(loops);
    }

    /** No tasks, and why. */
    public static AsyncioSnapshot unavailable(String reason) {
        return new AsyncioSnapshot(List.of(), 0, reason);
    }
}
