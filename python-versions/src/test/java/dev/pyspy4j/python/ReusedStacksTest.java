// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.python.fake.FakeCPython311;
import dev.pyspy4j.python.fake.FakeCPython311.FrameSpec;
import dev.pyspy4j.python.fake.FakeHeap;
import dev.pyspy4j.python.fake.FakeTarget;
import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.python.LineNumbers;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.SampleRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stacks of threads that the activity probe proves not to have run since the last sample are that sample's,
 * not read again: shown here by changing a thread's stack in memory, which only a read would see. Everything that
 * makes the proof not hold has the stack read: a thread the probe does not name, a failed sample in between, a
 * thread state given to another thread, samples with local variables (live values a copy cannot keep).
 */
class ReusedStacksTest {
    private static final long STILL = 0x7f00_0000_1000L;
    private static final long MOVING = 0x7f00_0000_2000L;
    private static final long STILL_TID = 100;
    private static final long MOVING_TID = 101;

    private final StructLayouts layouts = StructLayouts.load(TargetArch.X86_64, "3.11");
    private final FakeCPython311 python = new FakeCPython311();
    private final ScriptedProbe probe = new ScriptedProbe();
    private FakeHeap heap;
    private PythonInterpreter interpreter;

    private void start() {
        long wait = python.code("wait", "/app/main.py", 10, new int[] {4, 11});
        long work = python.code("work", "/app/main.py", 20, new int[] {4, 21});
        python.thread(STILL, STILL_TID, "Still", new FrameSpec(wait, 1, true, false))
                .thread(MOVING, MOVING_TID, "Moving", new FrameSpec(work, 1, true, false));
        heap = python.build();
        interpreter = new CPythonInterpreterProvider().open(FakeTarget.program(heap.memory(), Map.of(
                "_PyRuntime", FakeCPython311.RUNTIME, "Py_Version", FakeCPython311.PY_VERSION,
                "PyCode_Type", heap.codeType())));
    }

    @ParameterizedTest(name = "pausing the target: {0}")
    @ValueSource(booleans = {true, false})
    void aThreadProvenNotToHaveRunKeepsItsStackWhileTheOthersAreRead(boolean pause) {
        start();
        assertThat(namesByThread(sample(pause))).containsEntry(STILL, List.of("wait"))
                .containsEntry(MOVING, List.of("work"));

        emptyStacksInMemory();
        probe.notRun = Set.of(STILL_TID);

        assertThat(namesByThread(sample(pause))).containsEntry(STILL, List.of("wait"))
                .containsEntry(MOVING, List.of());
        assertThat(namesByThread(sample(pause))).as("and for as long as it does not run")
                .containsEntry(STILL, List.of("wait"));
        probe.notRun = Set.of();
        assertThat(namesByThread(sample(pause))).as("once it ran").containsEntry(STILL, List.of());
    }

    @Test
    void aFailedSampleInBetweenLeavesNothingToUseAgain() {
        start();
        sample(true);
        long head = interpreterState() + layouts.offset("PyInterpreterState.threads.head");
        long threads = reader().pointer(head);
        heap.memory().overwriteLong(head, 0x10);
        probe.notRun = Set.of(STILL_TID);
        assertThatThrownBy(() -> sample(true)).isInstanceOf(SpyException.class);

        heap.memory().overwriteLong(head, threads);
        emptyStacksInMemory();
        assertThat(namesByThread(sample(true))).containsEntry(STILL, List.of());
    }

    @Test
    void aThreadStateGivenToAnotherThreadIsRead() {
        start();
        sample(true);
        emptyStacksInMemory();
        heap.memory().overwriteLong(threadStateOf(STILL) + layouts.offset("PyThreadState.thread_id"), 0x4242);
        probe.notRun = Set.of(STILL_TID);

        assertThat(namesByThread(sample(true))).containsEntry(0x4242L, List.of());
    }

    @Test
    void samplesWithLocalsReadEveryStack() {
        start();
        interpreter.sample(new SampleRequest(true, LineNumbers.CURRENT, false, 1000, probe));
        emptyStacksInMemory();
        probe.notRun = Set.of(STILL_TID);

        assertThat(namesByThread(interpreter.sample(new SampleRequest(true, LineNumbers.CURRENT, false, 1000,
                probe)).traces())).containsEntry(STILL, List.of());
    }

    private List<StackTrace> sample(boolean pause) {
        return interpreter.sample(SampleRequest.stacks(pause, probe)).traces();
    }

    /** The frame names of each thread, by its Python thread id. */
    private static Map<Long, List<String>> namesByThread(List<StackTrace> traces) {
        return traces.stream().collect(Collectors.toMap(StackTrace::threadId,
                trace -> trace.frames().stream().map(Frame::name).toList()));
    }

    /** Makes every thread's current frame none: a stack read now is empty. */
    private void emptyStacksInMemory() {
        for (long threadId : List.of(STILL, MOVING)) {
            long cframe = reader().pointer(threadStateOf(threadId) + layouts.offset("PyThreadState.cframe"));
            heap.memory().overwriteLong(cframe + layouts.offset("_PyCFrame.current_frame"), 0);
        }
    }

    private long threadStateOf(long threadId) {
        long state = reader().pointer(interpreterState() + layouts.offset("PyInterpreterState.threads.head"));
        while (state != 0) {
            if (reader().pointer(state + layouts.offset("PyThreadState.thread_id")) == threadId) {
                return state;
            }
            state = reader().pointer(state + layouts.offset("PyThreadState.next"));
        }
        throw new AssertionError("no thread state of thread " + threadId);
    }

    private long interpreterState() {
        return reader().pointer(FakeCPython311.RUNTIME + layouts.offset("_PyRuntimeState.interpreters.head"));
    }

    private RemoteReader reader() {
        return new RemoteReader(heap.memory(), TargetArch.X86_64);
    }

    /** Every thread idle; {@link #notRun} names those that have not run since the last snapshot. */
    private static final class ScriptedProbe implements ThreadActivityProbe {
        Set<Long> notRun = Set.of();

        @Override
        public Map<Long, ThreadActivity> snapshot() {
            return Map.of(STILL_TID, ThreadActivity.IDLE, MOVING_TID, ThreadActivity.IDLE);
        }

        @Override
        public Set<Long> notRunSincePreviousSnapshot() {
            return notRun;
        }

        @Override
        public void close() {
        }
    }
}
