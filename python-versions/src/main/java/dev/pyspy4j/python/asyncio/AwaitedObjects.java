// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import dev.pyspy4j.python.objects.ObjectReader;
import dev.pyspy4j.python.walk.CodeCache;
import dev.pyspy4j.python.walk.CodeInfo;
import dev.pyspy4j.spi.model.AsyncioTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells what a pending task waits for from its {@code task_fut_waiter}: another task; the {@code _GatheringFuture}
 * of a {@code gather}, whose {@code _children} are the gathered tasks; the future of a {@code TaskGroup} the task
 * waits to exit, found from the task's innermost coroutine; or another future.
 */
final class AwaitedObjects {
    private static final int MAX_GATHERED = 1 << 20;
    private static final String GATHERING_FUTURE = "_GatheringFuture";

    private final ObjectReader objects;
    private final CodeCache codes;
    private final TaskTypes taskTypes;
    private final Map<Long, String> typeNames;
    private final int slotsOffset;
    private final long tagMask;

    /** @param typeNames type names by type address, shared with the reader for the duration of one read */
    AwaitedObjects(ObjectReader objects, CodeCache codes, Map<Long, String> typeNames, TaskTypes taskTypes,
                   int slotsOffset, long tagMask) {
        this.objects = objects;
        this.codes = codes;
        this.typeNames = typeNames;
        this.taskTypes = taskTypes;
        this.slotsOffset = slotsOffset;
        this.tagMask = tagMask;
    }

    /** What a pending task waits for, from its {@code task_fut_waiter} and its innermost coroutine (or null). */
    AsyncioTask.Awaited awaited(long waiter, CoroutineFrame innermost) {
        if (taskTypes.isTask(waiter)) {
            return new AsyncioTask.Awaited(AsyncioTask.Kind.TASK, waiter, List.of(waiter));
        }
        if (GATHERING_FUTURE.equals(typeName(waiter))) {
            List<Long> children = objects.attribute(waiter, "_children")
                    .map(list -> objects.listItems(list, MAX_GATHERED)).orElse(List.of());
            return new AsyncioTask.Awaited(AsyncioTask.Kind.GATHER, waiter, tasksAmong(children));
        }
        Optional<Long> group = innermost == null ? Optional.empty() : taskGroup(innermost);
        if (group.isPresent()) {
            List<Long> members = objects.attribute(group.get(), "_tasks").map(objects::setMembers).orElse(List.of());
            return new AsyncioTask.Awaited(AsyncioTask.Kind.TASK_GROUP, group.get(), tasksAmong(members));
        }
        return new AsyncioTask.Awaited(AsyncioTask.Kind.FUTURE, waiter, List.of());
    }

    /**
     * The {@code TaskGroup} whose exit the coroutine waits in: {@code TaskGroup.__aexit__} (3.11-3.13) or
     * {@code TaskGroup._aexit}, which {@code __aexit__} awaits from 3.14 (Lib/asyncio/taskgroups.py); the group is
     * the first argument of either.
     */
    private Optional<Long> taskGroup(CoroutineFrame innermost) {
        CodeInfo code = codes.get(innermost.code());
        if (!code.filename().endsWith("taskgroups.py")
                || !(code.name().equals("__aexit__") || code.name().equals("_aexit"))) {
            return Optional.empty();
        }
        long self = objects.remote().pointer(innermost.address() + slotsOffset) & ~tagMask;
        return self == 0 ? Optional.empty() : Optional.of(self);
    }

    private List<Long> tasksAmong(List<Long> objectsList) {
        List<Long> tasks = new ArrayList<>();
        for (long object : objectsList) {
            if (taskTypes.isTask(object)) {
                tasks.add(object);
            }
        }
        return tasks;
    }

    private String typeName(long object) {
        return objects.typeName(object, typeNames);
    }
}
