// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import dev.pyspy4j.python.objects.ObjectReader;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.SpyException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * CPython 3.14+: the C accelerator links every native task into a circular list ({@code struct llist_node} of
 * {@code next} and {@code prev}, embedded in the task at {@code task_node}) headed in the thread state of the thread
 * that created it ({@code _PyThreadStateImpl.asyncio_tasks_head}); tasks of threads that exited move to the
 * interpreter's list ({@code PyInterpreterState.asyncio_tasks_head}). Each thread state also names its running loop
 * and task. Where these fields sit comes from the target's {@code _Py_AsyncioModuleDebugOffsets}
 * ({@link AsyncioDebugOffsets}). Tasks of other kinds still go to {@code asyncio.tasks._scheduled_tasks} and
 * {@code _eager_tasks}, which are read too.
 */
final class LinkedTasks implements TaskSource {
    /** The most list nodes followed, read or only counted: ten times the tasks read. */
    static final int MAX_STEPS = 10 * AsyncioReader.MAX_TASKS;

    private final ObjectReader objects;
    private final Supplier<Optional<AsyncioDebugOffsets>> offsets;
    private final int threadsHead;
    private final int threadNext;
    private final int threadId;
    private final RegistryTasks registries;
    /**
     * The offsets once found: an extension module, once loaded, stays mapped for the life of the program (CPython
     * never unloads one), so it is not looked for again at every read, which costs a walk of the target's memory
     * map and of the module's section headers ({@code record --async-aware} reads the tasks at every sample).
     */
    private AsyncioDebugOffsets known;

    /**
     * @param offsets     the target's asyncio debug offsets, once its {@code _asyncio} module is loaded
     * @param threadsHead {@code PyInterpreterState.threads.head}
     * @param threadNext  {@code PyThreadState.next}
     * @param threadId    {@code PyThreadState.thread_id}
     */
    LinkedTasks(ObjectReader objects, Supplier<Optional<AsyncioDebugOffsets>> offsets, int threadsHead,
                int threadNext, int threadId) {
        this.objects = objects;
        this.offsets = offsets;
        this.threadsHead = threadsHead;
        this.threadNext = threadNext;
        this.threadId = threadId;
        this.registries = new RegistryTasks(objects, List.of("_scheduled_tasks"), List.of("_eager_tasks"), null);
    }

    @Override
    public FoundTasks find(long interpreter, long tasksModule) {
        Optional<AsyncioDebugOffsets> found = known != null ? Optional.of(known) : offsets.get();
        found.ifPresent(value -> known = value);
        if (found.isEmpty()) {
            return FoundTasks.unavailable("the asyncio debug offsets (section .AsyncioDebug of the _asyncio module)"
                    + " were not found: the tasks cannot be read");
        }
        AsyncioDebugOffsets debug = found.get();
        RemoteReader reader = objects.remote();
        Set<Long> tasks = new LinkedHashSet<>();
        long[] skipped = {0};
        Map<Long, Long> running = new HashMap<>();
        Map<Long, Long> threads = new HashMap<>();
        Set<Long> seenThreads = new java.util.HashSet<>();
        long thread = reader.pointer(interpreter + threadsHead);
        while (thread != 0 && seenThreads.add(thread) && seenThreads.size() <= AsyncioReader.MAX_TASKS) {
            long loop = reader.pointer(thread + debug.threadRunningLoop());
            if (loop != 0) {
                threads.put(loop, reader.pointer(thread + threadId));
                long task = reader.pointer(thread + debug.threadRunningTask());
                if (task != 0) {
                    running.put(loop, task);
                }
            }
            walk(thread + debug.threadTasksHead(), debug, tasks, skipped);
            thread = reader.pointer(thread + threadNext);
        }
        walk(interpreter + debug.interpreterTasksHead(), debug, tasks, skipped);
        FoundTasks registered = registries.find(interpreter, tasksModule);
        for (long task : registered.tasks()) {
            RegistryTasks.add(tasks, task, skipped);
        }
        return new FoundTasks(debug.taskLayout(), tasks, running, threads, skipped[0] + registered.skipped(), null);
    }

    /**
     * Follows one circular list from its head. Beyond {@link AsyncioReader#MAX_TASKS} tasks the rest are only
     * counted, up to {@link #MAX_STEPS} nodes; a list torn into a cycle that never comes back to its head ends at the
     * first node seen twice, and one whose next node cannot be read (a task freed while read) at that node, which
     * counts as one skipped task.
     */
    private void walk(long head, AsyncioDebugOffsets debug, Set<Long> tasks, long[] skipped) {
        try {
            long node = objects.remote().pointer(head);
            for (int steps = 0; node != 0 && node != head && steps < MAX_STEPS; steps++) {
                long task = node - debug.taskNode();
                if (tasks.contains(task)) {
                    return;
                }
                RegistryTasks.add(tasks, task, skipped);
                node = objects.remote().pointer(node);
            }
        } catch (SpyException e) {
            skipped[0]++;
        }
    }
}
