// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pyspy4j.python.CPythonInterpreterProvider;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.LocalVariable;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.python.PythonInterpreter;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each supported CPython's walker, replayed over the memory {@link SnapshotCapture} recorded from a live
 * {@code snapshot_target.py}: discovery, version detection, threads and their names, frames with exact names,
 * files and lines, and locals, on any machine and without the interpreters. What is expected comes from the
 * script's own markers, not from the recorded walk.
 */
class WalkerSnapshotTest {
    private static final String SCRIPT = SnapshotCapture.SCRIPT_PATH.toString();
    /** Where threading starts a thread's {@code run()}: underscored twice in 2.7 (name-mangled), once since 3.0. */
    private static final Set<String> BOOTSTRAP = Set.of("run", "_bootstrap_inner", "_bootstrap",
            "__bootstrap_inner", "__bootstrap");

    private final ScriptExpectations script = ScriptExpectations.load();

    static Stream<SnapshotInterpreters.Interpreter> interpreters() {
        return SnapshotInterpreters.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("interpreters")
    void detectsTheVersion(SnapshotInterpreters.Interpreter interpreter) throws IOException {
        try (ReplayTarget target = new ReplayTarget(load(interpreter))) {
            PythonInterpreter opened = new CPythonInterpreterProvider().open(target);
            assertThat(opened.version()).hasToString(interpreter.version());
        }
    }

    @ParameterizedTest
    @MethodSource("interpreters")
    void namesBothThreads(SnapshotInterpreters.Interpreter interpreter) throws IOException {
        assertThat(sample(interpreter)).extracting(StackTrace::threadName)
                .containsExactlyInAnyOrder(ScriptExpectations.MAIN_THREAD, ScriptExpectations.WORKER_THREAD);
    }

    @ParameterizedTest
    @MethodSource("interpreters")
    void tellsEachThreadsOsThreadIdAndThatNeitherHoldsTheGil(SnapshotInterpreters.Interpreter interpreter)
            throws IOException {
        MemorySnapshot snapshot = load(interpreter);
        List<StackTrace> traces = SnapshotCapture.replay(snapshot);

        // On Linux the main thread's id is the process id; both threads sleep, which releases the GIL.
        assertThat(thread(traces, ScriptExpectations.MAIN_THREAD).osThreadId()).isEqualTo(snapshot.pid());
        assertThat(thread(traces, ScriptExpectations.WORKER_THREAD).osThreadId())
                .isNotEqualTo(snapshot.pid())
                .isIn(snapshot.threads().stream().map(NativeThread::tid).toList());
        assertThat(traces).noneMatch(StackTrace::ownsGil);
    }

    @ParameterizedTest
    @MethodSource("interpreters")
    void walksTheMainThreadWithExactLines(SnapshotInterpreters.Interpreter interpreter) throws IOException {
        List<Frame> frames = thread(sample(interpreter), ScriptExpectations.MAIN_THREAD).frames();

        assertThat(frames).extracting(Frame::name, Frame::filename, Frame::line)
                .containsExactlyElementsOf(scriptFrames(ScriptExpectations.MAIN_FRAMES));
    }

    @ParameterizedTest
    @MethodSource("interpreters")
    void walksTheWorkerThroughThreadingWithExactLines(SnapshotInterpreters.Interpreter interpreter)
            throws IOException {
        List<Frame> frames = thread(sample(interpreter), ScriptExpectations.WORKER_THREAD).frames();
        int own = ScriptExpectations.WORKER_FRAMES.size();

        assertThat(frames.subList(0, own)).extracting(Frame::name, Frame::filename, Frame::line)
                .containsExactlyElementsOf(scriptFrames(ScriptExpectations.WORKER_FRAMES));
        List<Frame> bootstrap = frames.subList(own, frames.size());
        assertThat(bootstrap).extracting(Frame::name).first().isEqualTo("run");
        assertThat(bootstrap).extracting(Frame::name).last().asString().endsWith("_bootstrap");
        assertThat(bootstrap).allSatisfy(frame -> {
            assertThat(frame.name()).isIn(BOOTSTRAP);
            assertThat(frame.filename()).endsWith("/threading.py");
            assertThat(frame.line()).isPositive();
        });
    }

    @ParameterizedTest
    @MethodSource("interpreters")
    void readsTheLocalsTheScriptDeclares(SnapshotInterpreters.Interpreter interpreter) throws IOException {
        List<StackTrace> traces = sample(interpreter);
        List<Frame> frames = Stream.concat(thread(traces, ScriptExpectations.MAIN_THREAD).frames().stream(),
                thread(traces, ScriptExpectations.WORKER_THREAD).frames().stream()).toList();
        List<String> functions = Stream.concat(ScriptExpectations.MAIN_FRAMES.stream(),
                ScriptExpectations.WORKER_FRAMES.stream().skip(1)).toList();

        for (String function : functions) {
            Frame frame = frames.stream().filter(f -> f.name().equals(function)).findFirst().orElseThrow();
            assertThat(frame.locals()).as(function).extracting(LocalVariable::name, LocalVariable::argument,
                    LocalVariable::repr).containsExactlyElementsOf(script.locals(function).stream()
                    .map(local -> tuple(local.name(), local.argument(), local.repr())).toList());
        }
        // The parked function has no locals, under its non-ASCII name.
        Frame parked = thread(traces, ScriptExpectations.WORKER_THREAD).frames().get(0);
        assertThat(parked.locals()).isEmpty();
    }

    private List<Tuple> scriptFrames(List<String> names) {
        return names.stream().map(name -> tuple(name, SCRIPT, script.line(name))).toList();
    }

    private static StackTrace thread(List<StackTrace> traces, String name) {
        return traces.stream().filter(trace -> name.equals(trace.threadName())).findFirst()
                .orElseThrow(() -> new AssertionError("no thread named " + name + " in " + traces));
    }

    private static List<StackTrace> sample(SnapshotInterpreters.Interpreter interpreter) throws IOException {
        return SnapshotCapture.replay(load(interpreter));
    }

    private static MemorySnapshot load(SnapshotInterpreters.Interpreter interpreter) throws IOException {
        try (InputStream in = WalkerSnapshotTest.class.getResourceAsStream(interpreter.resource())) {
            assertThat(in).as("snapshot " + interpreter.resource()
                    + " (taken by SnapshotCapture, checked in)").isNotNull();
            MemorySnapshot snapshot = MemorySnapshot.read(in);
            assertThat(snapshot.program()).as("the script " + interpreter.resource() + " was taken of; after "
                    + "changing it, take the snapshots again with SnapshotCapture")
                    .isEqualTo(ScriptExpectations.load().identity());
            return snapshot;
        }
    }
}
