// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.dump;

import dev.pyspy4j.spi.model.AsyncioLoop;
import dev.pyspy4j.spi.model.AsyncioTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks of one loop as a tree of tasks awaiting tasks: a task's children are the tasks it awaits (the one task,
 * the gathered ones, its {@code TaskGroup}'s); the roots are the tasks no task of the loop awaits.
 */
final class AsyncioTree {
    private final Map<Long, AsyncioTask> byId = new LinkedHashMap<>();
    private final Map<Long, List<Long>> awaitedBy = new LinkedHashMap<>();

    AsyncioTree(AsyncioLoop loop) {
        for (AsyncioTask task : loop.tasks()) {
            byId.put(task.id(), task);
        }
        for (AsyncioTask task : loop.tasks()) {
            for (long child : children(task)) {
                awaitedBy.computeIfAbsent(child, id -> new ArrayList<>()).add(task.id());
            }
        }
    }

    /** The tasks no task of the loop awaits, in the loop's order; the running task first. */
    List<AsyncioTask> roots() {
        List<AsyncioTask> roots = new ArrayList<>();
        for (AsyncioTask task : byId.values()) {
            if (!awaitedBy.containsKey(task.id())) {
                roots.add(task.state() == AsyncioTask.State.RUNNING ? 0 : roots.size(), task);
            }
        }
        return roots;
    }

    /** The tasks of this loop that {@code task} awaits. */
    List<AsyncioTask> childrenOf(AsyncioTask task) {
        List<AsyncioTask> children = new ArrayList<>();
        for (long id : children(task)) {
            AsyncioTask child = byId.get(id);
            if (child != null) {
                children.add(child);
            }
        }
        return children;
    }

    /** The ids of the tasks awaiting the task {@code id}. */
    List<Long> awaitedBy(long id) {
        return awaitedBy.getOrDefault(id, List.of());
    }

    private static List<Long> children(AsyncioTask task) {
        return task.awaits() == null ? List.of() : task.awaits().tasks();
    }
}
