// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import java.util.Map;
import java.util.Set;

/**
 * The tasks a {@link TaskSource} found, before each is read.
 *
 * @param layout        where the fields of these tasks are
 * @param tasks         the task addresses, at most {@link AsyncioReader#MAX_TASKS}
 * @param runningByLoop each loop's running task, where known
 * @param threadByLoop  the ident of the thread running each loop, where known
 * @param skipped       tasks left out beyond the bound
 * @param unavailable   why no task could be found; null when they were
 */
record FoundTasks(TaskLayout layout, Set<Long> tasks, Map<Long, Long> runningByLoop, Map<Long, Long> threadByLoop,
                  long skipped, String unavailable) {
    static FoundTasks unavailable(String reason) {
        return new FoundTasks(null, Set.of(), Map.of(), Map.of(), 0, reason);
    }
}
