// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * {@code record -f html} of a real Python: the page embeds the script's functions with their file and the lines
 * they ran, and the script's own source lines around them, read when the report was written. The target
 * ({@code shares.py}) spends its time in fifty, thirty and twenty on its main thread.
 */
@EnabledOnOs(OS.LINUX)
class RecordHtmlIT {
    private static final String DATA_OPEN = "<script id=\"profile-data\" type=\"application/json\">";

    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @TempDir
    Path work;

    @Test
    void embedsTheScriptsFunctionsWithTheirLinesAndTheScriptsOwnSource() throws Exception {
        Path script = Interpreters.script("shares.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        JsonNode data = record(script);

        assertThat(data.get("lineNumbers").asBoolean()).isTrue();
        assertThat(data.get("totalSamples").asLong()).isPositive();
        for (String function : List.of("fifty", "thirty")) {
            assertThat(linesOf(data, function, script.toString())).as(function)
                    .contains(markers.line(function))
                    .isSubsetOf(markers.line(function), markers.line("def-" + function));
        }
        // The source view holds the script's own lines at their numbers.
        List<String> source = Files.readAllLines(script, StandardCharsets.UTF_8);
        JsonNode file = sourceOf(data, script.toString());
        assertThat(file.get("problem").isNull()).as(file.toString()).isTrue();
        int checked = 0;
        for (JsonNode excerpt : file.get("excerpts")) {
            int first = excerpt.get(0).asInt();
            for (int i = 1; i < excerpt.size(); i++) {
                assertThat(excerpt.get(i).asText()).as("line " + (first + i - 1))
                        .isEqualTo(source.get(first + i - 2));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(0);
        assertThat(embeddedLines(file)).contains(markers.line("fifty"), markers.line("thirty"));
    }

    @Test
    void withNoLineNumbersTheFramesHaveNoLinesAndNoSourceIsEmbedded() throws Exception {
        Path script = Interpreters.script("shares.py");
        JsonNode data = record(script, "--nolineno");

        assertThat(data.get("lineNumbers").asBoolean()).isFalse();
        assertThat(linesOf(data, "fifty", script.toString())).containsExactly(0);
        assertThat(data.get("sources")).isEmpty();
    }

    private JsonNode record(Path script, String... options) throws Exception {
        Process target = targets.startPython(Interpreters.pyenv("3.11"), script);
        List<String> args = new ArrayList<>(List.of("-p", Long.toString(target.pid()), "-f", "html", "-o",
                "profile.html", "-d", "2", "-r", "100"));
        args.addAll(List.of(options));
        Pyspy4jJar.Result recorded = RecordRun.run(work, args.toArray(String[]::new));
        assertThat(recorded.exitCode()).as(recorded.describe()).isZero();
        assertThat(recorded.err()).contains("Wrote HTML report to 'profile.html'");
        return data(work.resolve("profile.html"));
    }

    private static JsonNode data(Path page) throws IOException {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>");
        int start = html.indexOf(DATA_OPEN) + DATA_OPEN.length();
        return new ObjectMapper().readTree(html.substring(start, html.indexOf("</script>", start)));
    }

    private static String string(JsonNode data, JsonNode index) {
        return data.get("strings").get(index.asInt()).asText();
    }

    /** The lines the frames of function {@code name} in {@code file} ran at; fails if there is no such function. */
    private static Set<Integer> linesOf(JsonNode data, String name, String file) {
        JsonNode functions = data.get("functions");
        Integer function = null;
        for (int f = 0; f < functions.size() / 3; f++) {
            if (string(data, functions.get(3 * f)).equals(name) && string(data, functions.get(3 * f + 1)).equals(file)) {
                function = f;
            }
        }
        assertThat(function).as("function " + name + " in " + file).isNotNull();
        Set<Integer> lines = new HashSet<>();
        JsonNode frames = data.get("frames");
        for (int i = 0; i < frames.size(); i += 2) {
            if (frames.get(i).asInt() == function) {
                lines.add(frames.get(i + 1).asInt());
            }
        }
        return lines;
    }

    private static JsonNode sourceOf(JsonNode data, String file) {
        for (JsonNode source : data.get("sources")) {
            if (string(data, source.get("file")).equals(file)) {
                return source;
            }
        }
        throw new AssertionError("no source of " + file + " in " + data.get("sources"));
    }

    private static Set<Integer> embeddedLines(JsonNode source) {
        Set<Integer> lines = new HashSet<>();
        for (JsonNode excerpt : source.get("excerpts")) {
            for (int i = 1; i < excerpt.size(); i++) {
                lines.add(excerpt.get(0).asInt() + i - 1);
            }
        }
        return lines;
    }
}
