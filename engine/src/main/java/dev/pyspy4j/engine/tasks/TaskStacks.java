// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.tasks;

import dev.pyspy4j.spi.model.AsyncioLoop;
import dev.pyspy4j.spi.model.AsyncioSnapshot;
import dev.pyspy4j.spi.model.AsyncioTask;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.python.LineNumbers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attributes the stacks of one sample to asyncio tasks ({@code --async-aware}). The thread running an event loop's
 * task becomes, root first: the pseudo-frame of the outermost task awaiting it (through any chain of tasks,
 * {@code gather}s and task groups) and that task's coroutine chain, the same for each task further in, then the
 * running task's pseudo-frame and the thread's own frames from the task's outermost coroutine to the leaf. The
 * event loop's frames beneath the task are dropped: they are the same for every task and would split nothing.
 * With {@code allTasks}, every pending task of a loop whose thread was sampled adds a stack of its own built the
 * same way, ending in the coroutine that waits. Stacks of threads running no loop, and of loops running no task at
 * the moment, are left as they are.
 *
 * <p>A running task whose outermost coroutine is not on its thread's stack is either being entered or left (the
 * event loop has made it the current task but not yet resumed its coroutine, or the coroutine has just yielded):
 * with the tasks read in the same pause as the stacks that is what it is, and the thread keeps its plain stack.
 * Without pausing, the tasks are read once before the stacks and once after: a loop whose running task is not the
 * same in both reads switched tasks while its thread's stack was read, and since tasks often run the same
 * coroutine functions the stack cannot tell which task it was in. Then, as when the running task is not on the
 * stack, it is a mismatch: the thread's stack is dropped from the sample rather than shown under the wrong task,
 * and the caller counts it.
 */
public final class TaskStacks {
    /** The longest chain of awaiting tasks followed; a longer one, or a cycle, is cut there. */
    private static final int MAX_AWAITERS = 1024;

    private TaskStacks() {
    }

    /**
     * The stacks attributed, and the threads whose running task could not be placed on their stack.
     *
     * @param traces     the sample's stacks, in their order
     * @param mismatches one sentence for each thread left out
     */
    public record Attributed(List<StackTrace> traces, List<String> mismatches) {
    }

    /**
     * @param traces      one process's stacks, leaf first
     * @param tasks       that process's tasks read in the same pause (or just after, without pausing)
     * @param allTasks    whether pending tasks get stacks of their own
     * @param lineNumbers which line the coroutine frames of awaiting and pending tasks show
     * @param before      without pausing, the tasks read just before the stacks; {@code null} when {@code tasks}
     *                    were read in the same pause as the stacks
     */
    public static Attributed attribute(List<StackTrace> traces, AsyncioSnapshot tasks, boolean allTasks,
                                       LineNumbers lineNumbers, AsyncioSnapshot before) {
        if (tasks.unavailable() != null || tasks.loops().isEmpty()) {
            return new Attributed(traces, List.of());
        }
        Map<Long, Integer> indexByThread = new HashMap<>();
        for (int i = 0; i < traces.size(); i++) {
            indexByThread.putIfAbsent(traces.get(i).threadId(), i);
        }
        List<StackTrace> replaced = new ArrayList<>(traces);
        List<StackTrace> pending = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (AsyncioLoop loop : tasks.loops()) {
            Integer index = indexByThread.get(loop.threadId());
            if (loop.threadId() == 0 || index == null) {
                continue;
            }
            LoopTasks loopTasks = new LoopTasks(loop, lineNumbers);
            StackTrace thread = traces.get(index);
            if (before != null && runningTask(before, loop.id()) != runningTask(tasks, loop.id())) {
                mismatches.add("the event loop in thread " + thread.threadId() + " switched tasks while its stack"
                        + " was read");
                replaced.set(index, null);
                continue;
            }
            for (AsyncioTask task : loop.tasks()) {
                if (task.state() == AsyncioTask.State.RUNNING) {
                    StackTrace joined = loopTasks.joinRunning(thread, task);
                    if (joined == null && before == null) {
                        continue;
                    }
                    if (joined == null) {
                        mismatches.add("the running task of the event loop in thread " + thread.threadId()
                                + " was not on its stack (tasks and stack read at different moments)");
                    }
                    replaced.set(index, joined);
                } else if (allTasks && task.state() == AsyncioTask.State.PENDING) {
                    // A waiting task is shown whether or not its thread is idle: it was asked for.
                    pending.add(new StackTrace(thread.pid(), thread.threadId(), thread.threadName(),
                            thread.osThreadId(), true, false, loopTasks.pendingStack(task), thread.processInfo()));
                }
            }
        }
        List<StackTrace> result = new ArrayList<>(replaced.size() + pending.size());
        for (StackTrace trace : replaced) {
            if (trace != null) {
                result.add(trace);
            }
        }
        result.addAll(pending);
        return new Attributed(result, mismatches);
    }

    /** The id of the running task of loop {@code loop} in {@code tasks}; 0 for none. */
    private static long runningTask(AsyncioSnapshot tasks, long loop) {
        for (AsyncioLoop candidate : tasks.loops()) {
            if (candidate.id() == loop) {
                for (AsyncioTask task : candidate.tasks()) {
                    if (task.state() == AsyncioTask.State.RUNNING) {
                        return task.id();
                    }
                }
            }
        }
        return 0;
    }

    /** One loop's tasks, with which task awaits which. */
    private static final class LoopTasks {
        private final Map<Long, AsyncioTask> byId = new HashMap<>();
        private final Map<Long, Long> awaiterOf = new HashMap<>();
        private final LineNumbers lineNumbers;

        LoopTasks(AsyncioLoop loop, LineNumbers lineNumbers) {
            this.lineNumbers = lineNumbers;
            for (AsyncioTask task : loop.tasks()) {
                byId.put(task.id(), task);
            }
            for (AsyncioTask task : loop.tasks()) {
                if (task.awaits() != null) {
                    for (long awaited : task.awaits().tasks()) {
                        awaiterOf.putIfAbsent(awaited, task.id());
                    }
                }
            }
        }

        /** The running task's stack, leaf first; null when its outermost coroutine is not on the thread's stack. */
        StackTrace joinRunning(StackTrace thread, AsyncioTask running) {
            List<Frame> rootFirst = new ArrayList<>(thread.frames());
            Collections.reverse(rootFirst);
            int start = coroutineStart(rootFirst, running.coroutineStack());
            if (start < 0) {
                return null;
            }
            List<Frame> frames = awaitersRootFirst(running);
            frames.add(TaskFrames.of(running));
            frames.addAll(rootFirst.subList(start, rootFirst.size()));
            Collections.reverse(frames);
            return thread.withFrames(frames);
        }

        /** A pending task's stack, leaf first: its awaiters, its pseudo-frame, its coroutine chain. */
        List<Frame> pendingStack(AsyncioTask task) {
            List<Frame> frames = awaitersRootFirst(task);
            frames.add(TaskFrames.of(task));
            addCoroutines(frames, task);
            Collections.reverse(frames);
            return frames;
        }

        /** The tasks awaiting {@code task}, outermost first, each as its pseudo-frame and coroutine chain. */
        private List<Frame> awaitersRootFirst(AsyncioTask task) {
            List<AsyncioTask> awaiters = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            seen.add(task.id());
            Long awaiter = awaiterOf.get(task.id());
            while (awaiter != null && seen.add(awaiter) && awaiters.size() < MAX_AWAITERS) {
                AsyncioTask next = byId.get(awaiter);
                if (next == null) {
                    break;
                }
                awaiters.add(next);
                awaiter = awaiterOf.get(awaiter);
            }
            Collections.reverse(awaiters);
            List<Frame> frames = new ArrayList<>();
            for (AsyncioTask outer : awaiters) {
                frames.add(TaskFrames.of(outer));
                addCoroutines(frames, outer);
            }
            return frames;
        }

        private void addCoroutines(List<Frame> frames, AsyncioTask task) {
            for (Frame frame : task.coroutineStack()) {
                // The task reader reports the line being run; without line numbers none is shown, as for threads.
                frames.add(lineNumbers == LineNumbers.NONE ? Frame.python(frame.name(), frame.filename(), 0) : frame);
            }
        }

        /**
         * Where, root first, the task's outermost coroutine is on the thread's stack: the first frame of the same
         * function followed by the task's next coroutine (when it has one). The frames beneath are the event loop's.
         */
        private static int coroutineStart(List<Frame> rootFirst, List<Frame> coroutines) {
            if (coroutines.isEmpty()) {
                return -1;
            }
            for (int i = 0; i < rootFirst.size(); i++) {
                if (sameFunction(rootFirst.get(i), coroutines.get(0)) && (coroutines.size() == 1
                        || i + 1 < rootFirst.size() && sameFunction(rootFirst.get(i + 1), coroutines.get(1)))) {
                    return i;
                }
            }
            return -1;
        }

        private static boolean sameFunction(Frame onStack, Frame coroutine) {
            return onStack.name().equals(coroutine.name()) && onStack.filename().equals(coroutine.filename());
        }
    }
}
