// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.model;

import java.util.List;
import java.util.Objects;

/**
 * One asyncio task as {@code dump --asyncio} shows it.
 *
 * @param id             the task object's address in the target, which identifies it while it lives
 * @param name           the task's name ({@code Task.get_name()}); {@code null} where the version has none (3.7)
 * @param state          running (its loop's current task), pending or done
 * @param coroutineStack the task's coroutine chain, outermost first and innermost last: each coroutine awaiting
 *                       the next one
 * @param awaits         what the task waits for; {@code null} when it waits for nothing (running or done)
 */
public record AsyncioTask(long id, String name, State state, List<Frame> coroutineStack, Awaited awaits) {
    public AsyncioTask {
        Objects.requireNonNull(state, "state is null");
        coroutineStack = List.copyOf(coroutineStack);
    }

    /** The task's state. */
    public enum State {
        RUNNING, PENDING, DONE;

        /** The name the outputs print. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What a task waits for.
     *
     * @param kind  a task, a {@code gather}, a {@code TaskGroup}'s tasks, or another future
     * @param id    the address of the awaited object (the task, the gather's future, the group's future)
     * @param tasks the tasks it waits for: the one task, the gathered ones or the group's; empty for a future
     */
    public record Awaited(Kind kind, long id, List<Long> tasks) {
        public Awaited {
            Objects.requireNonNull(kind, "kind is null");
            tasks = List.copyOf(tasks);
        }
    }

    /** The kinds of things a task can wait for. */
    public enum Kind {
        TASK("task"), GATHER("gather"), TASK_GROUP("TaskGroup"), FUTURE("future");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name the outputs print. */
        public String label() {
            return label;
        }
    }
}
