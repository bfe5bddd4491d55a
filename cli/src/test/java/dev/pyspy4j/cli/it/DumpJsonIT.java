// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code dump --json} of a real process, parsed and checked field by field against py-spy's schema. */
@EnabledOnOs(OS.LINUX)
class DumpJsonIT {
    private final RunningProcesses targets = new RunningProcesses();

    static List<Path> pythons() {
        return Interpreters.python311();
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void mainThreadOfNestedCalls(Path python) throws Exception {
        Path script = Interpreters.script("nested.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);

        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--pid", Long.toString(target.pid()), "--json");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode traces = new ObjectMapper().readTree(result.out());
        assertThat(traces.isArray()).isTrue();
        assertThat(traces).hasSize(1);
        JsonNode trace = traces.get(0);
        assertThat(fieldNames(trace)).containsExactly("pid", "thread_id", "thread_name", "os_thread_id", "active",
                "owns_gil", "frames", "process_info");
        assertThat(trace.get("pid").asLong()).isEqualTo(target.pid());
        assertThat(trace.get("thread_id").isIntegralNumber()).isTrue();
        assertThat(trace.get("thread_id").asLong()).isNotZero();
        assertThat(trace.get("thread_name").asText()).isEqualTo("MainThread");
        assertThat(trace.get("os_thread_id").asLong()).isEqualTo(target.pid());
        assertThat(trace.get("active").asBoolean()).isFalse();
        assertThat(trace.get("owns_gil").asBoolean()).isFalse();
        assertThat(trace.get("process_info").isNull()).isTrue();

        JsonNode frames = trace.get("frames");
        assertThat(frames).hasSize(4);
        String[] names = {"level_three", "level_two", "level_one", "<module>"};
        for (int i = 0; i < names.length; i++) {
            JsonNode frame = frames.get(i);
            assertThat(fieldNames(frame)).containsExactly("name", "filename", "module", "short_filename", "line",
                    "locals", "is_entry", "is_shim_entry");
            assertThat(frame.get("name").asText()).isEqualTo(names[i]);
            assertThat(frame.get("filename").asText()).isEqualTo(script.toString());
            assertThat(frame.get("module").isNull()).isTrue();
            assertThat(frame.get("short_filename").asText()).isEqualTo("nested.py");
            assertThat(frame.get("line").asInt()).isEqualTo(markers.line(names[i]));
            assertThat(frame.get("locals").isNull()).isTrue();
            boolean outermost = i == names.length - 1;
            // CPython 3.11 runs Python-to-Python calls in the same C eval loop: only <module> is an entry frame
            // (_PyInterpreterFrame.is_entry); py-spy marks the outermost frame as a shim entry.
            assertThat(frame.get("is_entry").asBoolean()).as("is_entry of " + names[i]).isEqualTo(outermost);
            assertThat(frame.get("is_shim_entry").asBoolean()).as("is_shim_entry of " + names[i])
                    .isEqualTo(outermost);
        }
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void everyThreadAppearsWithTheMainThreadLast(Path python) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("threads.py"));

        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--pid", Long.toString(target.pid()), "-j");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        JsonNode traces = new ObjectMapper().readTree(result.out());
        assertThat(traces).extracting(trace -> trace.get("thread_name").asText())
                .containsExactlyInAnyOrder("MainThread", "BusyWorker", "Sleeper-1", "Sleeper-2", "Waiter");
        assertThat(traces.get(traces.size() - 1).get("thread_name").asText()).isEqualTo("MainThread");
        assertThat(traces).allSatisfy(trace -> {
            assertThat(trace.get("pid").asLong()).isEqualTo(target.pid());
            assertThat(trace.get("os_thread_id").isIntegralNumber()).isTrue();
        });
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
