// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import dev.pyspy4j.python.objects.ObjectReader;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tasks registered in {@code asyncio.tasks} (see {@link TaskLayout}): WeakSets, whose {@code data} is a {@code set}
 * of weak references, and plain sets; {@code _current_tasks} maps each loop to its running task.
 */
final class RegistryTasks implements TaskSource {

    private final ObjectReader objects;
    private final RememberedLookups globals;
    private final List<String> weakSets;
    private final List<String> plainSets;

    private final TaskLayout layout;
    /** {@code PyWeakReference.wr_object}: right after the object header in every version. */
    private final int weakrefObject;

    /** @param layout where the fields of these tasks are; null when only the addresses are wanted */
    RegistryTasks(ObjectReader objects, List<String> weakSets, List<String> plainSets, TaskLayout layout) {
        this.objects = objects;
        this.globals = new RememberedLookups(objects);
        this.layout = layout;
        this.weakrefObject = objects.layout().headerSize();
        this.weakSets = weakSets;
        this.plainSets = plainSets;
    }

    @Override
    public FoundTasks find(long interpreter, long tasksModule) {
        Set<Long> found = new LinkedHashSet<>();
        long[] skipped = {0};
        boolean registryFound = false;
        for (String name : weakSets) {
            Optional<Long> data = globals.lookup(tasksModule, name).flatMap(set -> globals.attribute(set, "data"));
            if (data.isPresent()) {
                registryFound = true;
                for (long ref : objects.setMembers(data.get())) {
                    add(found, objects.remote().pointer(ref + weakrefObject), skipped);
                }
            }
        }
        for (String name : plainSets) {
            Optional<Long> set = globals.lookup(tasksModule, name);
            if (set.isPresent()) {
                registryFound = true;
                for (long task : objects.setMembers(set.get())) {
                    add(found, task, skipped);
                }
            }
        }
        if (!registryFound) {
            return FoundTasks.unavailable("asyncio.tasks keeps its tasks in no registry pyspy4j knows ("
                    + String.join(", ", weakSets) + "): its tasks cannot be read");
        }
        return new FoundTasks(layout, found, currentTasks(tasksModule), Map.of(), skipped[0], null);
    }

    static void add(Set<Long> found, long task, long[] skipped) {
        if (found.size() >= AsyncioReader.MAX_TASKS) {
            skipped[0]++;
        } else {
            found.add(task);
        }
    }

    /** {@code asyncio.tasks._current_tasks}: each loop's running task. */
    private Map<Long, Long> currentTasks(long tasksModule) {
        Map<Long, Long> current = new HashMap<>();
        globals.lookup(tasksModule, "_current_tasks").ifPresent(dict -> {
            for (var item : objects.dictItems(dict)) {
                current.put(item.key(), item.value());
            }
        });
        return current;
    }
}
