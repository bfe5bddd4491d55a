// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.model.AsyncioLoop;
import dev.pyspy4j.spi.model.AsyncioSnapshot;
import dev.pyspy4j.spi.model.AsyncioTask;
import dev.pyspy4j.spi.model.AsyncioTask.Awaited;
import dev.pyspy4j.spi.model.AsyncioTask.Kind;
import dev.pyspy4j.spi.model.AsyncioTask.State;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.python.LineNumbers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the stacks of a sample are attributed to asyncio tasks: the running task joined to its thread's stack under
 * the tasks awaiting it, the event loop's frames dropped, pending tasks as stacks of their own, other threads as
 * they were, and a running task missing from its thread's stack kept plain (same pause) or left out (not), as is
 * a loop that switched tasks between the two reads around its stack (not pausing).
 */
class TaskStacksTest {
    private static final long LOOP_THREAD = 0x7F00;
    private static final long OTHER_THREAD = 0x7F01;

    private final Frame module = Frame.python("<module>", "/app/app.py", 30);
    private final Frame runUntilComplete = Frame.python("run_until_complete", "/py/asyncio/base_events.py", 650);
    private final Frame run = Frame.python("_run", "/py/asyncio/events.py", 84);
    private final Frame worker = Frame.python("worker", "/app/app.py", 10);
    private final Frame crunch = Frame.python("crunch", "/app/app.py", 5);
    private final Frame spin = Frame.python("spin", "/app/app.py", 2);
    private final Frame main = Frame.python("main", "/app/app.py", 20);
    private final Frame nap = Frame.python("nap", "/app/app.py", 15);
    private final Frame sideWork = Frame.python("side_work", "/app/app.py", 40);

    private final StackTrace loopThread = thread(LOOP_THREAD, module, runUntilComplete, run, worker, crunch, spin);
    private final StackTrace otherThread = thread(OTHER_THREAD, sideWork);

    private final AsyncioTask heavy = new AsyncioTask(1, "heavy", State.RUNNING, List.of(worker, crunch), null);
    private final AsyncioTask mainTask = new AsyncioTask(2, "main", State.PENDING, List.of(main),
            new Awaited(Kind.GATHER, 9, List.of(1L, 3L)));
    private final AsyncioTask light = new AsyncioTask(3, "light", State.PENDING, List.of(worker), null);
    private final AsyncioTask sleeper = new AsyncioTask(4, null, State.PENDING, List.of(nap),
            new Awaited(Kind.FUTURE, 10, List.of()));

    @Test
    void theRunningTaskReplacesTheEventLoopUnderTheTasksAwaitingIt() {
        TaskStacks.Attributed attributed = TaskStacks.attribute(List.of(loopThread, otherThread),
                tasks(heavy, mainTask, light), false, LineNumbers.CURRENT, null);

        assertThat(attributed.mismatches()).isEmpty();
        assertThat(attributed.traces()).hasSize(2);
        assertThat(rootFirst(attributed.traces().get(0))).containsExactly("task main", "main", "task heavy",
                "worker", "crunch", "spin");
        assertThat(attributed.traces().get(0).threadId()).isEqualTo(LOOP_THREAD);
        assertThat(attributed.traces().get(1)).isSameAs(otherThread);
    }

    @Test
    void allTasksAddsEachPendingTaskUnderItsAwaitersAsAnActiveStack() {
        TaskStacks.Attributed attributed = TaskStacks.attribute(List.of(loopThread, otherThread),
                tasks(heavy, mainTask, light, sleeper), true, LineNumbers.CURRENT, null);

        assertThat(attributed.traces()).extracting(TaskStacksTest::rootFirst).containsExactly(
                List.of("task main", "main", "task heavy", "worker", "crunch", "spin"),
                List.of("side_work"),
                List.of("task main", "main"),
                List.of("task main", "main", "task light", "worker"),
                List.of("task 0x4", "nap"));
        assertThat(attributed.traces().subList(2, 5)).allSatisfy(trace -> {
            assertThat(trace.threadId()).isEqualTo(LOOP_THREAD);
            assertThat(trace.active()).isTrue();
            assertThat(trace.ownsGil()).isFalse();
        });
    }

    @Test
    void withoutLineNumbersTheTasksFramesShowNone() {
        TaskStacks.Attributed attributed = TaskStacks.attribute(List.of(loopThread), tasks(heavy, mainTask),
                false, LineNumbers.NONE, null);

        List<Frame> frames = attributed.traces().get(0).frames();
        assertThat(frames.get(frames.size() - 2)).isEqualTo(Frame.python("main", "/app/app.py", 0));
    }

    @Test
    void aRunningTaskNotOnItsThreadsStackKeepsThePlainStackWhenReadInTheSamePause() {
        StackTrace entering = thread(LOOP_THREAD, module, runUntilComplete, run);

        TaskStacks.Attributed attributed = TaskStacks.attribute(List.of(entering), tasks(heavy), false,
                LineNumbers.CURRENT, null);

        assertThat(attributed.traces()).containsExactly(entering);
        assertThat(attributed.mismatches()).isEmpty();
    }

    @Test
    void aRunningTaskNotOnItsThreadsStackReadAtAnotherMomentIsLeftOutAndCounted() {
        StackTrace movedOn = thread(LOOP_THREAD, module, runUntilComplete, run, main);

        TaskStacks.Attributed attributed = TaskStacks.attribute(List.of(movedOn, otherThread), tasks(heavy), false,
                LineNumbers.CURRENT, tasks(heavy));

        assertThat(attributed.traces()).containsExactly(otherThread);
        assertThat(attributed.mismatches()).singleElement().asString().contains("running task");
    }

    @Test
    void aLoopThatSwitchedTasksAroundTheStackIsLeftOutAndCountedAsTheStackCannotTellWhichTaskRanIt() {
        AsyncioTask lightRunning = new AsyncioTask(3, "light", State.RUNNING, List.of(worker, crunch), null);
        AsyncioTask heavyPending = new AsyncioTask(1, "heavy", State.PENDING, List.of(worker), null);

        TaskStacks.Attributed attributed = TaskStacks.attribute(List.of(loopThread, otherThread),
                tasks(lightRunning, heavyPending), true, LineNumbers.CURRENT, tasks(heavy, light));

        assertThat(attributed.traces()).containsExactly(otherThread);
        assertThat(attributed.mismatches()).singleElement().asString().contains("switched tasks");
    }

    @Test
    void withoutPausingTheSameRunningTaskBeforeAndAfterIsJoined() {
        TaskStacks.Attributed attributed = TaskStacks.attribute(List.of(loopThread), tasks(heavy, mainTask), false,
                LineNumbers.CURRENT, tasks(heavy, mainTask));

        assertThat(attributed.mismatches()).isEmpty();
        assertThat(rootFirst(attributed.traces().get(0))).containsExactly("task main", "main", "task heavy",
                "worker", "crunch", "spin");
    }

    @Test
    void theTaskIsFoundByItsFirstTwoCoroutinesNotByAnEarlierFrameOfTheSameFunction() {
        StackTrace recursive = thread(LOOP_THREAD, module, worker, run, worker, crunch, spin);

        TaskStacks.Attributed attributed = TaskStacks.attribute(List.of(recursive), tasks(heavy), false,
                LineNumbers.CURRENT, null);

        assertThat(rootFirst(attributed.traces().get(0))).containsExactly("task heavy", "worker", "crunch", "spin");
    }

    @Test
    void cyclesOfAwaitingTasksEndTheChain() {
        AsyncioTask first = new AsyncioTask(5, "first", State.RUNNING, List.of(worker),
                new Awaited(Kind.TASK, 6, List.of(6L)));
        AsyncioTask second = new AsyncioTask(6, "second", State.PENDING, List.of(main),
                new Awaited(Kind.TASK, 5, List.of(5L)));

        TaskStacks.Attributed attributed = TaskStacks.attribute(List.of(loopThread), tasks(first, second), false,
                LineNumbers.CURRENT, null);

        assertThat(rootFirst(attributed.traces().get(0))).containsExactly("task second", "main", "task first",
                "worker", "crunch", "spin");
    }

    @Test
    void tasksOfALoopWhoseThreadWasNotSampledAndUnavailableTasksChangeNothing() {
        List<StackTrace> traces = List.of(otherThread);

        assertThat(TaskStacks.attribute(traces, tasks(heavy, light), true, LineNumbers.CURRENT, null).traces())
                .containsExactly(otherThread);
        assertThat(TaskStacks.attribute(List.of(loopThread), AsyncioSnapshot.unavailable("asyncio is not imported"),
                true, LineNumbers.CURRENT, null).traces()).containsExactly(loopThread);
    }

    @Test
    void aTaskNameCannotSplitACollapsedStackLine() {
        AsyncioTask odd = new AsyncioTask(7, "a;b\nc", State.PENDING, List.of(), null);

        assertThat(TaskFrames.label(odd)).isEqualTo("task a\\x3bb\\nc");
        assertThat(TaskFrames.of(odd).filename()).isEmpty();
    }

    private static AsyncioSnapshot tasks(AsyncioTask... tasks) {
        return new AsyncioSnapshot(List.of(new AsyncioLoop(0xA000, LOOP_THREAD, List.of(tasks))), 0, null);
    }

    /** A thread's stack from frames given root first. */
    private static StackTrace thread(long threadId, Frame... rootFirst) {
        List<Frame> frames = new ArrayList<>(List.of(rootFirst));
        Collections.reverse(frames);
        return new StackTrace(1234, threadId, null, threadId + 1, true, true, frames, null);
    }

    private static List<String> rootFirst(StackTrace trace) {
        List<String> names = new ArrayList<>(trace.frames().stream().map(Frame::name).toList());
        Collections.reverse(names);
        return names;
    }
}
