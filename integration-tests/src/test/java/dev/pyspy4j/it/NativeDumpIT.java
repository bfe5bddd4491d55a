// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static dev.pyspy4j.it.NativeStackAssert.assertThatStack;
import static dev.pyspy4j.it.NativeStackAssert.nativeFrame;
import static dev.pyspy4j.it.NativeStackAssert.pythonFrames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dump --native --json} of one target per interpreter ({@code scripts/native_probe.py}) whose threads each nap
 * inside a different kind of native code of the nativeprobe extension: C called from Python, C calling back into
 * Python, C++, a function without frame pointer, a stripped library with MiniDebugInfo, a thread created in C that
 * runs Python, and one that never does. Each target is dumped twice, without and with {@code --native}, and killed;
 * the tests then check each thread of the dumps: the merged stack must hold the Python frames of the plain dump, in
 * their order, with the expected native frames of the extension in between.
 */
@EnabledOnOs(OS.LINUX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NativeDumpIT {
    private static final String CPP_SPINNER = "probe::Spinner<int>::spin";
    /** The target's threads: six with Python thread states and one created in C that never runs Python. */
    private static final int THREADS = 7;

    private final Map<Path, FutureTask<Dumps>> dumps = new ConcurrentHashMap<>();

    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    static List<Path> pythons() {
        return Interpreters.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void cFunctionCalledFromPython(Path python) throws Exception {
        Dumps dumps = dumpsOf(python);
        List<String> pythonFrames = dumps.pythonFramesOf("plain_caller");
        assertThat(pythonFrames.get(0)).isEqualTo(dumps.pythonFrame("plain_caller"));

        assertThatStack(dumps.nativeTraceOf("plain_caller")).isExactly(dumps.ownModules(),
                concat(List.of(dumps.extensionFrame("spin_c")), pythonFrames));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void cCallingBackIntoPythonAndDownIntoCAgain(Path python) throws Exception {
        Dumps dumps = dumpsOf(python);
        List<String> pythonFrames = dumps.pythonFramesOf("callback");
        assertThat(pythonFrames).startsWith(dumps.pythonFrame("callback"), dumps.pythonFrame("main_caller"),
                dumps.pythonFrame("<module>"));

        List<String> expected = new ArrayList<>();
        expected.add(dumps.extensionFrame("spin_c"));
        expected.add(pythonFrames.get(0));
        expected.add(dumps.extensionFrame("call_back"));
        expected.addAll(pythonFrames.subList(1, pythonFrames.size()));
        assertThatStack(dumps.nativeTraceOf("callback")).isExactly(dumps.ownModules(), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void cppMemberOfClassTemplateDemangled(Path python) throws Exception {
        Dumps dumps = dumpsOf(python);
        List<String> pythonFrames = dumps.pythonFramesOf("cpp_caller");
        assertThat(pythonFrames.get(0)).isEqualTo(dumps.pythonFrame("cpp_caller"));

        assertThatStack(dumps.nativeTraceOf("cpp_caller")).isExactly(dumps.ownModules(), concat(List.of(
                dumps.extensionFrame(CPP_SPINNER), dumps.extensionFrame("probe_spin_cpp"),
                dumps.extensionFrame("run_spinner"), dumps.extensionFrame("spin_cpp")), pythonFrames));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void functionWithoutFramePointerUnwoundByItsCfi(Path python) throws Exception {
        Dumps dumps = dumpsOf(python);
        List<String> pythonFrames = dumps.pythonFramesOf("cfi_caller");
        assertThat(pythonFrames.get(0)).isEqualTo(dumps.pythonFrame("cfi_caller"));

        assertThatStack(dumps.nativeTraceOf("cfi_caller")).isExactly(dumps.ownModules(), concat(List.of(
                dumps.extensionFrame("probe_spin_cfi_only"), dumps.extensionFrame("run_spinner"),
                dumps.extensionFrame("spin_cfi")), pythonFrames));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void staticFunctionOfStrippedLibraryNamedByMiniDebugInfo(Path python) throws Exception {
        Dumps dumps = dumpsOf(python);
        List<String> pythonFrames = dumps.pythonFramesOf("hidden_caller");
        assertThat(pythonFrames.get(0)).isEqualTo(dumps.pythonFrame("hidden_caller"));

        assertThatStack(dumps.nativeTraceOf("hidden_caller")).isExactly(dumps.ownModules(), concat(List.of(
                dumps.hiddenLibraryFrame("hidden_spin"), dumps.hiddenLibraryFrame("probe_hidden_entry"),
                dumps.extensionFrame("run_spinner"), dumps.extensionFrame("spin_hidden")), pythonFrames));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void threadCreatedInCRunningPythonThroughGilState(Path python) throws Exception {
        Dumps dumps = dumpsOf(python);
        // The thread's only Python frame is the function C called: nothing Python below it.
        assertThat(dumps.pythonFramesOf("gil_thread_body")).containsExactly(dumps.pythonFrame("gil_thread_body"));

        assertThatStack(dumps.nativeTraceOf("gil_thread_body")).isExactly(dumps.ownModules(), List.of(
                dumps.extensionFrame("spin_c"), dumps.pythonFrame("gil_thread_body"),
                dumps.extensionFrame("gil_thread_main")));
    }

    /**
     * A thread that never ran Python has no thread state: the interpreter's thread list, which a dump walks, does not
     * hold it. A dump that shows it anyway may show only its native stack.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void threadThatNeverRanPython(Path python) throws Exception {
        Dumps dumps = dumpsOf(python);
        assertThat(dumps.tracesWithTid(dumps.plain(), dumps.cThreadTid())).isEmpty();

        for (JsonNode trace : dumps.tracesWithTid(dumps.withNative(), dumps.cThreadTid())) {
            assertThatStack(trace).hasNoPythonFrame().isExactly(dumps.ownModules(), List.of(
                    dumps.extensionFrame("c_only_spin"), dumps.extensionFrame("c_thread_main")));
        }
    }

    /** Every Python thread keeps all its Python frames, in their order, each once: a merge never shows a wrong stack. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void everyThreadKeepsItsPythonFramesInOrder(Path python) throws Exception {
        Dumps dumps = dumpsOf(python);
        List<JsonNode> plain = traces(dumps.plain());
        assertThat(plain).hasSize(6);
        for (JsonNode trace : plain) {
            JsonNode merged = dumps.withNativeOfThread(trace.get("thread_id").asLong());
            assertThat(pythonFrames(merged)).as(assertThatStack(merged).describe())
                    .containsExactlyElementsOf(pythonFrames(trace));
            assertThat(merged.get("os_thread_id")).isEqualTo(trace.get("os_thread_id"));
        }
    }

    /** The text form shows native frames as {@code name (binary)} among the Python ones. */
    @Test
    void textDump() throws Exception {
        Path python = Interpreters.pyenv("3.12");
        Path script = Interpreters.script("native_probe.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Path extension = NativeExtension.forInterpreter(python);
        Path info = Files.createTempFile("native-probe", ".json");
        try {
            Process target = targets.startPython(python, script, extension.toString(), info.toString());

            Pyspy4jJar.Result result = DumpCli.dump(target, "--native");

            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertThat(result.out()).as(result.describe()).contains(String.join("\n",
                    "    spin_c (nativeprobe.so)",
                    "    callback (native_probe.py:" + markers.line("callback") + ")",
                    "    call_back (nativeprobe.so)",
                    "    main_caller (native_probe.py:" + markers.line("main_caller") + ")",
                    "    <module> (native_probe.py:" + markers.line("<module>") + ")"));
            assertThat(result.out()).contains(String.join("\n",
                    "    " + CPP_SPINNER + " (nativeprobe.so)",
                    "    probe_spin_cpp (nativeprobe.so)"));
        } finally {
            Files.deleteIfExists(info);
        }
    }

    private Dumps dumpsOf(Path python) throws Exception {
        FutureTask<Dumps> task = new FutureTask<>(() -> Dumps.take(python));
        FutureTask<Dumps> existing = dumps.putIfAbsent(python, task);
        if (existing == null) {
            task.run();
            existing = task;
        }
        try {
            return existing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static List<JsonNode> traces(JsonNode dump) {
        return StreamSupport.stream(dump.spliterator(), false).toList();
    }

    /** The two dumps of one interpreter's target, and what the target said about itself. */
    private record Dumps(Path script, ScriptMarkers markers, Path extension, JsonNode plain, JsonNode withNative,
                         long cThreadTid) {

        static Dumps take(Path python) throws Exception {
            Path script = Interpreters.script("native_probe.py");
            Path extension = NativeExtension.forInterpreter(python);
            Path info = Files.createTempFile("native-probe", ".json");
            RunningProcesses processes = new RunningProcesses();
            try {
                Process target = processes.startPython(python, script, extension.toString(), info.toString());
                awaitThreads(target, THREADS);
                Pyspy4jJar.Result plain = DumpCli.dump(target, "--json");
                Pyspy4jJar.Result withNative = DumpCli.dump(target, "--native", "--json");
                assertThat(plain.exitCode()).as(plain.describe()).isZero();
                assertThat(withNative.exitCode()).as(withNative.describe()).isZero();
                assertThat(withNative.err()).as(withNative.describe()).isEmpty();
                ObjectMapper json = new ObjectMapper();
                return new Dumps(script, ScriptMarkers.of(script), extension, json.readTree(plain.out()),
                        json.readTree(withNative.out()), json.readTree(info.toFile()).get("c_thread_tid").asLong());
            } finally {
                processes.killAll();
                Files.deleteIfExists(info);
            }
        }

        /** Waits until the thread that said "ready" is gone, so that both dumps see the same threads. */
        private static void awaitThreads(Process target, int count) throws Exception {
            Path tasks = Path.of("/proc", Long.toString(target.pid()), "task");
            for (int attempt = 0; attempt < 500 && taskCount(tasks) != count; attempt++) {
                Thread.sleep(20);
            }
            assertThat(taskCount(tasks)).as("threads of the target").isEqualTo(count);
        }

        private static long taskCount(Path tasks) throws IOException {
            try (Stream<Path> entries = Files.list(tasks)) {
                return entries.count();
            }
        }

        Set<String> ownModules() {
            return Set.of(extension.resolve(NativeExtension.MODULE).toString(),
                    extension.resolve(NativeExtension.HIDDEN_LIBRARY).toString());
        }

        String extensionFrame(String function) {
            return nativeFrame(function, extension.resolve(NativeExtension.MODULE).toString());
        }

        String hiddenLibraryFrame(String function) {
            return nativeFrame(function, extension.resolve(NativeExtension.HIDDEN_LIBRARY).toString());
        }

        /** A Python frame of the script at its marker's line. */
        String pythonFrame(String function) {
            return function + " (" + script + ":" + markers.line(function) + ")";
        }

        /** The Python frames, from the plain dump, of the thread whose innermost Python function is {@code leaf}. */
        List<String> pythonFramesOf(String leaf) {
            return pythonFrames(traceWithLeaf(plain, leaf));
        }

        /** The merged trace of the thread whose innermost Python function is {@code leaf}. */
        JsonNode nativeTraceOf(String leaf) {
            return traceWithLeaf(withNative, leaf);
        }

        JsonNode withNativeOfThread(long threadId) {
            List<JsonNode> found = traces(withNative).stream()
                    .filter(trace -> trace.get("thread_id").asLong() == threadId).toList();
            assertThat(found).as("thread %d in %s", threadId, withNative.toPrettyString()).hasSize(1);
            return found.get(0);
        }

        List<JsonNode> tracesWithTid(JsonNode dump, long tid) {
            return traces(dump).stream().filter(trace -> trace.get("os_thread_id").asLong() == tid).toList();
        }

        private static JsonNode traceWithLeaf(JsonNode dump, String leaf) {
            List<JsonNode> found = traces(dump).stream().filter(trace -> {
                List<JsonNode> frames = StreamSupport.stream(trace.get("frames").spliterator(), false)
                        .filter(frame -> frame.get("module").isNull()).toList();
                return !frames.isEmpty() && frames.get(0).get("name").asText().equals(leaf);
            }).toList();
            assertThat(found).as("one thread whose innermost Python frame is %s in %s", leaf, dump.toPrettyString())
                    .hasSize(1);
            return found.get(0);
        }
    }
}
