// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import dev.pyspy4j.python.objects.ObjectReader;
import java.util.HashMap;
import java.util.Map;

/**
 * Which objects are asyncio tasks: instances of the C accelerator's {@code _asyncio.Task} or of a class derived from
 * it in Python (a task factory's subclass), whose instances keep the C task's fields where the C task has them.
 * Judged by type, through at most {@value #MAX_BASES} {@code tp_base} links; the answers live for one read of the
 * tasks, as a freed heap type's address can be reused by another type.
 */
final class TaskTypes {
    static final String TASK_TYPE = "_asyncio.Task";
    /** Deeper class hierarchies than this are not followed (and garbage cannot loop). */
    private static final int MAX_BASES = 16;

    private final ObjectReader objects;
    private final int typeBase;
    private final Map<Long, Boolean> taskTypes = new HashMap<>();

    /** @param typeBase offset of {@code tp_base} in a type object */
    TaskTypes(ObjectReader objects, int typeBase) {
        this.objects = objects;
        this.typeBase = typeBase;
    }

    /** Forgets what it knew of types, at the start of a read. */
    void clear() {
        taskTypes.clear();
    }

    /** Whether the object at {@code object} is a task. */
    boolean isTask(long object) {
        long type = objects.remote().pointer(object + objects.layout().obType());
        Boolean known = taskTypes.get(type);
        if (known == null) {
            known = derivesFromTask(type);
            taskTypes.put(type, known);
        }
        return known;
    }

    private boolean derivesFromTask(long type) {
        long current = type;
        for (int depth = 0; current != 0 && depth < MAX_BASES; depth++) {
            if (TASK_TYPE.equals(objects.cString(objects.remote().pointer(current + objects.layout().tpName())))) {
                return true;
            }
            current = objects.remote().pointer(current + typeBase);
        }
        return false;
    }
}
