// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.pyspy4j.python.fake.FakeCPython311.FrameSpec;
import dev.pyspy4j.python.fake.FakeCPython311;
import dev.pyspy4j.python.fake.FakeHeap;
import dev.pyspy4j.python.fake.FakeTarget;
import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.python.walk.CollectedFrames;
import dev.pyspy4j.python.walk.FrameCollector;
import dev.pyspy4j.python.walk.GilLocator;
import dev.pyspy4j.python.walk.OuterFramesCut;
import dev.pyspy4j.python.walk.RawSample;
import dev.pyspy4j.python.walk.RawThread;
import dev.pyspy4j.python.walk.ThreadLayout;
import dev.pyspy4j.python.walk.ThreadStateCollector;
import dev.pyspy4j.python.walk.TornSampleException;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.process.ReadRequest;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.SampleRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One thread whose stack cannot be read: with the target paused its failure is its own, shown as a marker frame,
 * and the other threads are shown as usual; without pausing it is a torn sample, failed as a whole.
 */
class UnreadableThreadTest {
    private static final long BAD = 0x7f00_0000_1000L;
    private static final long GOOD = 0x7f00_0000_2000L;

    private final FakeCPython311 python = new FakeCPython311();

    private FakeTarget targetWithOneFrameNotPointingAtCode() {
        long notCode = python.heap().bytes(new byte[512]);
        long wait = python.code("wait", "/app/main.py", 10, new int[] {4, 11});
        python.thread(BAD, 100, "Bad", new FrameSpec(notCode, 0, true, false))
                .thread(GOOD, 101, "Good", new FrameSpec(wait, 1, true, false));
        FakeHeap heap = python.build();
        return FakeTarget.program(heap.memory(), Map.of("_PyRuntime", FakeCPython311.RUNTIME,
                "Py_Version", FakeCPython311.PY_VERSION, "PyCode_Type", heap.codeType()));
    }

    @Test
    void aPausedSampleShowsTheOtherThreadsAndMarksTheUnreadableOne() {
        PythonInterpreter interpreter = new CPythonInterpreterProvider().open(targetWithOneFrameNotPointingAtCode());

        List<StackTrace> traces = interpreter.sample(SampleRequest.stacks(true, null)).traces();

        assertThat(traces).extracting(StackTrace::threadName).containsExactly("Good", "Bad");
        assertThat(traces.get(0).frames()).extracting(Frame::name).containsExactly("wait");
        assertThat(traces.get(1).frames()).hasSize(1);
        Frame marker = traces.get(1).frames().get(0);
        assertThat(marker.name()).startsWith("<stack unreadable: 0x").endsWith(" is not a code object>");
        assertThat(marker.filename()).isEqualTo("<pyspy4j>");
    }

    @Test
    void aPausedSampleWhoseCodeIsFreedOnceTheTargetRunsAgainIsNamedFromTheCodeReadWhilePaused() {
        long wait = python.code("wait", "/app/main.py", 10, new int[] {4, 11});
        python.thread(GOOD, 101, "Good", new FrameSpec(wait, 1, true, false));
        FakeHeap heap = python.build();
        FakeTarget target = programWhoseThreadMovesOnOnceResumed(heap, wait);
        PythonInterpreter interpreter = new CPythonInterpreterProvider().open(target);

        List<StackTrace> traces = interpreter.sample(SampleRequest.stacks(true, null)).traces();

        assertThat(traces).singleElement().satisfies(trace -> assertThat(trace.frames())
                .extracting(Frame::name, Frame::filename).containsExactly(tuple("wait", "/app/main.py")));
    }

    @Test
    void aPausedSampleWhoseCodeCannotBeReadWhilePausedNorOnceItsThreadMovedOnIsTorn() {
        long notCode = python.heap().bytes(new byte[512]);
        python.thread(GOOD, 101, "Good", new FrameSpec(notCode, 0, true, false));
        FakeHeap heap = python.build();
        FakeTarget target = programWhoseThreadMovesOnOnceResumed(heap, notCode);
        PythonInterpreter interpreter = new CPythonInterpreterProvider().open(target);

        assertThatThrownBy(() -> interpreter.sample(SampleRequest.stacks(true, null)))
                .isInstanceOf(TornSampleException.class)
                .hasMessageContaining("the code of a frame was freed before it was read");
    }

    /** Once resumed, the only thread state is given to another thread and {@code code} is freed. */
    private static FakeTarget programWhoseThreadMovesOnOnceResumed(FakeHeap heap, long code) {
        StructLayouts t = StructLayouts.load(TargetArch.X86_64, "3.11");
        RemoteReader reader = new RemoteReader(heap.memory(), TargetArch.X86_64);
        long interpreterState = reader.pointer(FakeCPython311.RUNTIME
                + t.offset("_PyRuntimeState.interpreters.head"));
        long threadState = reader.pointer(interpreterState + t.offset("PyInterpreterState.threads.head"));
        return FakeTarget.program(heap.memory(), Map.of("_PyRuntime", FakeCPython311.RUNTIME,
                "Py_Version", FakeCPython311.PY_VERSION, "PyCode_Type", heap.codeType())).onResume(() -> {
                    heap.memory().overwriteLong(code + 8, 0);
                    heap.memory().overwriteLong(threadState + t.offset("PyThreadState.thread_id"), 4242);
                });
    }

    @Test
    void anUnpausedSampleFailsAsAWhole() {
        PythonInterpreter interpreter = new CPythonInterpreterProvider().open(targetWithOneFrameNotPointingAtCode());

        assertThatThrownBy(() -> interpreter.sample(SampleRequest.stacks(false, null)))
                .isInstanceOf(SpyException.class).hasMessageContaining("is not a code object");
    }

    @Test
    void aThreadWhoseFrameChainIsTornIsMarkedWhenFailuresAreIsolatedAndFailsTheSampleOtherwise() {
        StructLayouts t = StructLayouts.load(TargetArch.X86_64, "3.11");
        long wait = python.code("wait", "/app/main.py", 10, new int[] {4, 11});
        python.thread(BAD, 100, "Bad", new FrameSpec(wait, 1, true, false))
                .thread(GOOD, 101, "Good", new FrameSpec(wait, 1, true, false));
        FakeHeap heap = python.build();
        int threadId = t.offset("PyThreadState.thread_id");
        FrameCollector tornForBad = new FrameCollector() {
            @Override
            public CollectedFrames collect(RemoteReader reader, ByteBuffer state) {
                if (state.getLong(threadId) == BAD) {
                    throw new TornSampleException("frame chain loops back to 0x1234");
                }
                return new CollectedFrames(List.of(), OuterFramesCut.NONE);
            }

            @Override
            public Recheck recheck(ByteOrder order, long threadStateAddress, ByteBuffer threadState,
                                   CollectedFrames copied) {
                return new Recheck() { // A fake heap does not change: the copy is always current.
                    @Override
                    public List<ReadRequest> reads() {
                        return List.of();
                    }

                    @Override
                    public boolean same() {
                        return true;
                    }
                };
            }
        };
        ThreadStateCollector collector = new ThreadStateCollector(ThreadLayout.viaCFrame(t), tornForBad,
                GilLocator.UNKNOWN);
        RemoteReader reader = new RemoteReader(heap.memory(), TargetArch.X86_64);
        long interpreter = reader.pointer(FakeCPython311.RUNTIME + t.offset("_PyRuntimeState.interpreters.head"));

        RawSample isolated = collector.collect(reader, interpreter, false, true);

        assertThat(isolated.threads()).extracting(RawThread::threadId).containsExactly(GOOD, BAD);
        assertThat(isolated.threads()).extracting(RawThread::unreadable)
                .containsExactly(null, "frame chain loops back to 0x1234");
        assertThatThrownBy(() -> collector.collect(reader, interpreter, false, false))
                .isInstanceOf(TornSampleException.class);
    }
}
