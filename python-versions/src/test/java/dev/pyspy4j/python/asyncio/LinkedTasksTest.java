// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.python.fake.FakeHeap;
import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.objects.ManagedDictStyle;
import dev.pyspy4j.python.objects.ObjectReader;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.TargetArch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The per-thread task lists of CPython 3.14+, in fake memory: every task of a list is found, and a list that is too
 * long, torn into a cycle or broken by an unreadable node ends the walk with the rest counted instead of looping.
 */
class LinkedTasksTest {
    /** The values of a real 3.14 build's {@code _Py_AsyncioModuleDebugOffsets}. */
    private static final AsyncioDebugOffsets DEBUG = new AsyncioDebugOffsets(168, 136, 108, 128, 152, 10880, 864,
            872, 880);
    private static final long NODES = 0x7000_0000L;
    private static final int NODE_SIZE = 16;

    private final StructLayouts tables = StructLayouts.load(TargetArch.X86_64, "3.14");
    private final FakeHeap heap = new FakeHeap(tables);
    private final long interpreter = heap.allocate(DEBUG.interpreterTasksHead() + 8);
    private final long thread = heap.allocate(1024);

    @Test
    void findsEveryTaskOfAThreadsList() {
        chain(3, thread + DEBUG.threadTasksHead());

        FoundTasks found = find();

        assertThat(found.tasks()).containsExactly(task(0), task(1), task(2));
        assertThat(found.skipped()).isZero();
        assertThat(found.layout().taskCoro()).isEqualTo(128);
        assertThat(found.layout().taskFutWaiter()).isEqualTo(120);
        assertThat(found.layout().futureState()).isEqualTo(104);
    }

    @Test
    void readsAtMostTheBoundAndCountsTheRest() {
        chain(AsyncioReader.MAX_TASKS + 7, thread + DEBUG.threadTasksHead());

        FoundTasks found = find();

        assertThat(found.tasks()).hasSize(AsyncioReader.MAX_TASKS);
        assertThat(found.skipped()).isEqualTo(7);
    }

    @Test
    void aListTornIntoACycleEndsAtTheFirstNodeSeenTwice() {
        long head = thread + DEBUG.threadTasksHead();
        ByteBuffer nodes = ByteBuffer.allocate(2 * NODE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        nodes.putLong(0, NODES + NODE_SIZE).putLong(NODE_SIZE, NODES);
        heap.memory().put(NODES, nodes.array());
        threadState(head, NODES);
        interpreterState(0);

        FoundTasks found = find();

        assertThat(found.tasks()).containsExactly(task(0), task(1));
    }

    @Test
    void anUnreadableNodeEndsTheListAndCountsAsSkipped() {
        long head = thread + DEBUG.threadTasksHead();
        ByteBuffer nodes = ByteBuffer.allocate(NODE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        nodes.putLong(0, 0x6000_0000L);
        heap.memory().put(NODES, nodes.array());
        threadState(head, NODES);
        interpreterState(0);

        FoundTasks found = find();

        assertThat(found.tasks()).containsExactly(task(0), 0x6000_0000L - DEBUG.taskNode());
        assertThat(found.skipped()).isEqualTo(1);
    }

    @Test
    void tasksOfExitedThreadsAreReadFromTheInterpretersList() {
        chain(2, interpreter + DEBUG.interpreterTasksHead());

        FoundTasks found = find();

        assertThat(found.tasks()).containsExactly(task(0), task(1));
    }

    /** {@code count} nodes, each linked to the next, the last back to {@code head}. */
    private void chain(int count, long head) {
        ByteBuffer nodes = ByteBuffer.allocate(count * NODE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            nodes.putLong(i * NODE_SIZE, i == count - 1 ? head : NODES + (long) (i + 1) * NODE_SIZE);
        }
        heap.memory().put(NODES, nodes.array());
        boolean ofInterpreter = head == interpreter + DEBUG.interpreterTasksHead();
        threadState(ofInterpreter ? thread + DEBUG.threadTasksHead() : head, ofInterpreter ? 0 : NODES);
        interpreterState(ofInterpreter ? NODES : 0);
    }

    /** The thread state, its list's first node at {@code head}. */
    private void threadState(long head, long first) {
        ByteBuffer state = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        state.putLong((int) (head - thread), first);
        heap.memory().put(thread, state.array());
    }

    private void interpreterState(long firstOfExitedThreads) {
        ByteBuffer state = ByteBuffer.allocate(DEBUG.interpreterTasksHead() + 8).order(ByteOrder.LITTLE_ENDIAN);
        state.putLong(tables.offset("PyInterpreterState.threads.head"), thread);
        state.putLong(DEBUG.interpreterTasksHead(), firstOfExitedThreads);
        heap.memory().put(interpreter, state.array());
    }

    private static long task(int index) {
        return NODES + (long) index * NODE_SIZE - DEBUG.taskNode();
    }

    private FoundTasks find() {
        ObjectReader objects = ObjectReader.python3(new RemoteReader(heap.memory(), TargetArch.X86_64), tables,
                ManagedDictStyle.INLINE_VALUES);
        LinkedTasks tasks = new LinkedTasks(objects, () -> Optional.of(DEBUG),
                tables.offset("PyInterpreterState.threads.head"), tables.offset("PyThreadState.next"),
                tables.offset("PyThreadState.thread_id"));
        return tasks.find(interpreter, heap.dict(Map.of(), true));
    }
}
