// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.python.fake.FakeCPython311.FrameSpec;
import dev.pyspy4j.python.fake.FakeCPython311;
import dev.pyspy4j.python.fake.FakeHeap;
import dev.pyspy4j.python.fake.FakeTarget;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.python.LineNumbers;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.SampleRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 3.11 walk over a fake process laid out with the generated 3.11 table. */
class Cpython311WalkTest {
    private static final long MAIN = 0x7f00_0000_1000L;
    private static final long WORKER = 0x7f00_0000_2000L;
    private static final long HELPER = 0x7f00_0000_3000L;

    private final FakeCPython311 python = new FakeCPython311();
    private final long module = python.code("<module>", "/app/main.py", 1, new int[] {3, 1}, new int[] {4, 17});
    private final long level1 = python.code("level1", "/app/main.py", 12, new int[] {2, 12}, new int[] {5, 13});
    private final long level3 = python.code("level3", "/app/main.py", 8, new int[] {1, 8}, new int[] {6, 9});
    private final long spin = python.code("関数", "/app/ünïcödé_名前.py", 3, new int[] {2, 3}, new int[] {2, 4},
            new int[] {9, 5});
    private final long wait = python.code("wait", "/usr/lib/python3.11/threading.py", 320, new int[] {40, 327});
    private final long emoji = python.code("gen", "/app/\uD83D\uDCA9.py", 1, new int[] {4, 2});

    private FakeTarget target() {
        python.thread(MAIN, 100, "MainThread",
                        new FrameSpec(level3, 3, false, false), new FrameSpec(level1, 4, false, false),
                        new FrameSpec(module, 5, true, false))
                .thread(WORKER, 101, "Wörker-名", new FrameSpec(spin, 10, true, false))
                .thread(HELPER, 102, null, new FrameSpec(wait, 20, false, false),
                        new FrameSpec(emoji, 1, true, true))
                .gilHeldBy(WORKER);
        FakeHeap heap = python.build();
        return FakeTarget.program(heap.memory(), Map.of("_PyRuntime", FakeCPython311.RUNTIME,
                "Py_Version", FakeCPython311.PY_VERSION, "PyCode_Type", heap.codeType()));
    }

    private static ThreadActivityProbe activity(Map<Long, ThreadActivity> states) {
        return new ThreadActivityProbe() {
            @Override
            public Map<Long, ThreadActivity> snapshot() {
                return states;
            }

            @Override
            public void close() {
            }
        };
    }

    private static List<String> labels(StackTrace trace) {
        return trace.frames().stream().map(f -> f.name() + " (" + f.filename() + ":" + f.line() + ")").toList();
    }

    @Test
    void readsEveryThreadWithExactFramesAndLines() {
        FakeTarget target = target();
        PythonInterpreter interpreter = new CPythonInterpreterProvider().open(target);
        assertThat(interpreter.version()).hasToString("3.11.7");

        List<StackTrace> traces = interpreter.sample(SampleRequest.stacks(true, null)).traces();

        assertThat(traces).extracting(StackTrace::threadId).containsExactly(HELPER, WORKER, MAIN);
        StackTrace main = traces.get(2);
        assertThat(labels(main)).containsExactly("level3 (/app/main.py:9)", "level1 (/app/main.py:13)",
                "<module> (/app/main.py:17)");
        assertThat(main.threadName()).isEqualTo("MainThread");
        assertThat(main.osThreadId()).isEqualTo(100);
        assertThat(main.frames().get(2).entry()).isTrue();
        assertThat(main.frames().get(2).shimEntry()).isTrue();
        assertThat(main.frames().get(0).entry()).isFalse();
        assertThat(labels(traces.get(1))).containsExactly("関数 (/app/ünïcödé_名前.py:5)");
        assertThat(traces.get(1).threadName()).isEqualTo("Wörker-名");
        assertThat(labels(traces.get(0))).containsExactly("wait (/usr/lib/python3.11/threading.py:327)",
                "gen (/app/\uD83D\uDCA9.py:2)");
        assertThat(traces.get(0).threadName()).isNull();
        // The fake GIL has never been held (its last holder is 0): the copy stops no thread, and the GIL's switch
        // count shows that no thread changed its frames meanwhile.
        assertThat(target.threadPauses()).containsExactly(List.of());
        assertThat(target.pauses()).isZero();
        assertThat(target.openPauses()).isZero();
    }

    @Test
    void marksTheGilHolderAndTakesIdlenessFromTheProbeOrTheLeafFrame() {
        PythonInterpreter interpreter = new CPythonInterpreterProvider().open(target());
        Map<Long, ThreadActivity> states = Map.of(100L, ThreadActivity.IDLE, 101L, ThreadActivity.ACTIVE);

        List<StackTrace> traces = interpreter.sample(SampleRequest.stacks(false, activity(states))).traces();

        assertThat(traces).extracting(StackTrace::ownsGil).containsExactly(false, true, false);
        // The helper's state is unknown to the probe; its leaf waits in threading.py, so it is idle.
        assertThat(traces).extracting(StackTrace::active).containsExactly(false, true, false);
    }

    @Test
    void gilOnlyKeepsTheHolder() {
        PythonInterpreter interpreter = new CPythonInterpreterProvider().open(target());
        SampleRequest request = new SampleRequest(false, LineNumbers.CURRENT, true, 0, null);
        assertThat(interpreter.sample(request).traces()).extracting(StackTrace::threadId).containsExactly(WORKER);
    }

    @Test
    void lineModesReportFunctionStartsOrNothing() {
        PythonInterpreter interpreter = new CPythonInterpreterProvider().open(target());
        List<StackTrace> first = interpreter.sample(new SampleRequest(false, LineNumbers.FUNCTION_START, false, 0,
                null)).traces();
        assertThat(first.get(2).frames()).extracting(Frame::line).containsExactly(8, 12, 1);
        List<StackTrace> none = interpreter.sample(new SampleRequest(false, LineNumbers.NONE, false, 0, null))
                .traces();
        assertThat(none.get(2).frames()).extracting(Frame::line).containsExactly(0, 0, 0);
    }

    @Test
    void aFramePointingAtSomethingElseThanCodeIsATornSample() {
        long notCode = python.heap().bytes(new byte[512]);
        python.thread(MAIN, 100, "MainThread", new FrameSpec(notCode, 0, true, false));
        FakeHeap heap = python.build();
        FakeTarget target = FakeTarget.program(heap.memory(), Map.of("_PyRuntime", FakeCPython311.RUNTIME,
                "Py_Version", FakeCPython311.PY_VERSION, "PyCode_Type", heap.codeType()));
        PythonInterpreter interpreter = new CPythonInterpreterProvider().open(target);
        assertThatThrownBy(() -> interpreter.sample(SampleRequest.stacks(false, null)))
                .isInstanceOf(SpyException.class)
                .hasMessageContaining("is not a code object")
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.MEMORY_READ);
    }

    @Test
    void withoutSymbolsTheInterpreterIsFoundByScanningItsSection() {
        FakeHeap heap = python.thread(MAIN, 100, "MainThread", new FrameSpec(module, 5, true, false)).build();
        // A stripped program: only Py_Version tells the version; _PyRuntime must be found in .PyRuntime.
        long before = 0x6fff_f000L;
        heap.memory().put(before, new byte[4096]);
        FakeTarget target = FakeTarget.program(heap.memory(), Map.of("Py_Version", FakeCPython311.PY_VERSION))
                .withSection(".PyRuntime", before, 4096 + 584);
        PythonInterpreter interpreter = new CPythonInterpreterProvider().open(target);
        assertThat(labels(interpreter.sample(SampleRequest.stacks(false, null)).traces().get(0)))
                .containsExactly("<module> (/app/main.py:17)");
    }

    @Test
    void aProgramWithoutPythonSymbolsIsNotPython() {
        FakeTarget target = FakeTarget.program(new FakeHeap(python.heap().tables()).memory(), Map.of("main", 1L));
        assertThatThrownBy(() -> new CPythonInterpreterProvider().open(target))
                .isInstanceOf(SpyException.class)
                .hasMessage("process 4242 ('/usr/bin/python3.11') is not running Python: no Python interpreter was"
                        + " found in it\nNo libpython is mapped, the program defines none of _PyRuntime, interp_head,"
                        + " Py_Version, PyCode_Type and holds no Python version string")
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.NOT_PYTHON);
    }

    @Test
    void anUnsupportedVersionIsNamed() {
        FakeHeap heap = python.build();
        heap.memory().putLong(0x7200_0000L, 0x040002f0L);
        FakeTarget target = FakeTarget.program(heap.memory(), Map.of("_PyRuntime", FakeCPython311.RUNTIME,
                "Py_Version", 0x7200_0000L));
        assertThatThrownBy(() -> new CPythonInterpreterProvider().open(target))
                .hasMessage("Python 4.0.2 (process 4242) is not supported yet; supported: 2.7, 3.3, 3.4, 3.5, 3.6, 3.7, "
                        + "3.8, 3.9, 3.10, 3.11, 3.12, 3.13+")
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.UNSUPPORTED_PYTHON);
    }
}
