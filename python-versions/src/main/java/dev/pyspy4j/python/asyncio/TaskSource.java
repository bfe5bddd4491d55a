// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

/** Where a version keeps its asyncio tasks. */
interface TaskSource {
    /**
     * Finds the tasks of the interpreter at {@code interpreter}.
     *
     * @param tasksModule the {@code __dict__} of the target's {@code asyncio.tasks} module
     */
    FoundTasks find(long interpreter, long tasksModule);
}
