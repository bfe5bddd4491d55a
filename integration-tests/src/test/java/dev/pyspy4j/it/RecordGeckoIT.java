// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record -f gecko} of a real Python: a Firefox Profiler file with the target's main thread as a track, its
 * samples in time order over the recording, and the script's functions with their file and the lines they ran. The
 * target ({@code shares.py}) spends its time in fifty, thirty and twenty on its main thread.
 */
@EnabledOnOs(OS.LINUX)
class RecordGeckoIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @TempDir
    Path work;

    @Test
    void recordsTheMainThreadWithTimesFunctionsAndLines() throws Exception {
        Path python = Interpreters.pyenv("3.11");
        Path script = Interpreters.script("shares.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);

        Pyspy4jJar.Result recorded = RecordRun.run(work, "-p", Long.toString(target.pid()), "-f", "gecko", "-o",
                "profile.json", "-d", "3", "-r", "100");
        assertThat(recorded.exitCode()).as(recorded.describe()).isZero();
        assertThat(recorded.out() + recorded.err()).contains("profile.json");
        JsonNode profile = JSON.readTree(work.resolve("profile.json").toFile());

        assertThat(profile.at("/meta/preprocessedProfileVersion").asInt()).isEqualTo(48);
        assertThat(profile.at("/meta/interval").asDouble()).isEqualTo(10.0);
        assertThat(profile.get("threads")).hasSize(1);
        JsonNode thread = profile.get("threads").get(0);
        assertThat(thread.get("name").asText()).isEqualTo("MainThread (" + target.pid() + ")");
        assertThat(thread.get("pid").asText()).isEqualTo(Long.toString(target.pid()));
        assertThat(thread.get("tid").asLong()).isEqualTo(target.pid());
        assertThat(thread.get("isMainThread").asBoolean()).isTrue();

        // A loaded machine takes far fewer than the 100 per second asked for, so only the order and the span count.
        JsonNode times = thread.at("/samples/time");
        int samples = thread.at("/samples/length").asInt();
        assertThat(samples).isGreaterThan(1);
        assertThat(times).hasSize(samples);
        for (int i = 1; i < samples; i++) {
            assertThat(times.get(i).asDouble()).isGreaterThan(times.get(i - 1).asDouble());
        }
        // Samples at their times since the start: the last one after the first of the three seconds.
        assertThat(times.get(samples - 1).asDouble()).isBetween(1000.0, 60_000.0);

        // fifty and thirty hold four fifths of the time; their frames are on their loop, or on their first line
        // when sampled as they are entered.
        for (String function : List.of("fifty", "thirty")) {
            assertThat(linesOf(thread, function, script.toString())).as(function)
                    .contains(markers.line(function))
                    .isSubsetOf(markers.line(function), markers.line("def-" + function));
        }
    }

    /** The lines the frames of function {@code name} in file {@code file} ran at; fails if there is no such one. */
    private static Set<Integer> linesOf(JsonNode thread, String name, String file) {
        JsonNode strings = thread.get("stringArray");
        List<Integer> funcs = new ArrayList<>();
        JsonNode funcTable = thread.get("funcTable");
        for (int i = 0; i < funcTable.get("length").asInt(); i++) {
            JsonNode fileName = funcTable.get("fileName").get(i);
            if (strings.get(funcTable.get("name").get(i).asInt()).asText().equals(name) && !fileName.isNull()
                    && strings.get(fileName.asInt()).asText().equals(file)) {
                funcs.add(i);
            }
        }
        assertThat(funcs).as("functions named " + name + " in " + file).hasSize(1);
        Set<Integer> lines = new HashSet<>();
        JsonNode frameTable = thread.get("frameTable");
        for (int i = 0; i < frameTable.get("length").asInt(); i++) {
            if (frameTable.get("func").get(i).asInt() == funcs.get(0)) {
                lines.add(frameTable.get("line").get(i).asInt());
            }
        }
        return lines;
    }
}
