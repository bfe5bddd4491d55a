// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code dump --json} of a real process on every interpreter, checked field by field against py-spy's schema. */
@EnabledOnOs(OS.LINUX)
class DumpJsonIT {
    static final List<String> TRACE_FIELDS = List.of("pid", "thread_id", "thread_name", "os_thread_id", "active",
            "owns_gil", "frames", "process_info");
    static final List<String> FRAME_FIELDS = List.of("name", "filename", "module", "short_filename", "line", "locals",
            "is_entry", "is_shim_entry");

    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @TempDir
    Path temp;

    static List<Path> pythons() {
        return Interpreters.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void mainThreadOfNestedCalls(Path python) throws Exception {
        Path script = Interpreters.script("nested.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Path identities = temp.resolve("identities.json");
        Process target = targets.startPython(python, script, identities.toString());
        ThreadIdentity main = ThreadIdentity.read(identities).get(0);
        boolean entryFlagged = entryFramesAreFlagged(python);

        Pyspy4jJar.Result result = DumpCli.dump(target, "--json");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode traces = new ObjectMapper().readTree(result.out());
        assertThat(traces.isArray()).isTrue();
        assertThat(traces).hasSize(1);
        JsonNode trace = traces.get(0);
        assertThat(fieldNames(trace)).containsExactlyElementsOf(TRACE_FIELDS);
        assertThat(trace.get("pid").asLong()).isEqualTo(target.pid());
        assertThat(trace.get("thread_id").isIntegralNumber()).isTrue();
        assertThat(trace.get("thread_id").asLong()).isEqualTo(main.ident());
        assertThat(trace.get("thread_name").asText()).isEqualTo("MainThread");
        assertThat(trace.get("os_thread_id").asLong()).isEqualTo(main.tid()).isEqualTo(target.pid());
        assertThat(trace.get("active").asBoolean()).isFalse();
        assertThat(trace.get("owns_gil").asBoolean()).isFalse();
        assertThat(trace.get("process_info").isNull()).isTrue();

        JsonNode frames = trace.get("frames");
        assertThat(frames).hasSize(4);
        String[] names = {"level_three", "level_two", "level_one", "<module>"};
        for (int i = 0; i < names.length; i++) {
            JsonNode frame = frames.get(i);
            assertThat(fieldNames(frame)).containsExactlyElementsOf(FRAME_FIELDS);
            assertThat(frame.get("name").asText()).isEqualTo(names[i]);
            assertThat(frame.get("filename").asText()).isEqualTo(script.toString());
            assertThat(frame.get("module").isNull()).isTrue();
            assertThat(frame.get("short_filename").asText()).isEqualTo("nested.py");
            assertThat(frame.get("line").asInt()).isEqualTo(markers.line(names[i]));
            assertThat(frame.get("locals").isNull()).isTrue();
            boolean outermost = i == names.length - 1;
            assertThat(frame.get("is_entry").asBoolean()).as("is_entry of " + names[i])
                    .isEqualTo(outermost || !entryFlagged);
            // py-spy marks the outermost frame as a shim entry.
            assertThat(frame.get("is_shim_entry").asBoolean()).as("is_shim_entry of " + names[i])
                    .isEqualTo(outermost);
        }
        List<ThreadIdentity.Caller> callers = main.callersLeafFirst();
        for (int i = 0; i < callers.size(); i++) {
            assertThat(frames.get(i + 1).get("name").asText()).isEqualTo(callers.get(i).function());
            assertThat(frames.get(i + 1).get("line").asInt()).isEqualTo(callers.get(i).line());
        }
    }

    /**
     * Up to 3.10 every Python call runs its own C-level eval loop, so every frame is an entry frame. From 3.11
     * Python-to-Python calls stay in the caller's loop: only a frame called from C ({@code <module>}, from
     * {@code PyEval_EvalCode}) is one ({@code _PyInterpreterFrame.is_entry} in 3.11, a C-stack shim frame below it
     * from 3.12).
     */
    static boolean entryFramesAreFlagged(Path python) throws Exception {
        return PythonRelease.of(python).atLeast(3, 11);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
