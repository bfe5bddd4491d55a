// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.model;

import java.util.List;

/**
 * One event loop and its tasks.
 *
 * @param id       the loop object's address in the target
 * @param threadId the ident ({@code threading.get_ident()}) of the thread running the loop; 0 when unknown (a loop
 *                 not running, or one whose thread cannot be read)
 * @param tasks    its tasks, in the order they were found
 */
public record AsyncioLoop(long id, long threadId, List<AsyncioTask> tasks) {
    public AsyncioLoop {
        tasks = List.copyOf(tasks);
    }
}
