// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

/**
 * Whether samples are attributed to asyncio tasks ({@code --async-aware}, {@code --async-mode}): the thread running
 * an event loop is shown as the task it runs, under a pseudo-frame per task, instead of as the event loop.
 */
public enum AsyncMode {
    /** Plain thread stacks. */
    OFF,
    /** The running task of each event loop, joined to its thread's stack ({@code --async-mode running}). */
    RUNNING,
    /** The running task, and every pending task's await chain as a stack of its own ({@code --async-mode all}). */
    ALL;

    public boolean enabled() {
        return this != OFF;
    }
}
