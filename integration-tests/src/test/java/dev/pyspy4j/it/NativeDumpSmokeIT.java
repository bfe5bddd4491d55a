// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code dump --native} end to end on Debian's python3.11 (the interpreter linked into the executable): the real
 * unwinder, symbol resolver and merge put the C library's sleep above the Python frame that called
 * {@code time.sleep}. The C-extension cases are covered by the native integration tests; this only shows the
 * pieces work together.
 */
@EnabledOnOs(OS.LINUX)
class NativeDumpSmokeIT {
    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @Test
    void theSleepingThreadShowsLibcsSleepAboveItsPythonFrame() throws Exception {
        Path python = Interpreters.debian("3.11");
        Interpreters.requireInstalled(python);
        Path script = Interpreters.script("native_smoke_sleep.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);

        Pyspy4jJar.Result json = DumpCli.dump(target, "--native", "--json");

        assertThat(json.exitCode()).as(json.describe()).isZero();
        JsonNode sleeper = null;
        for (JsonNode trace : new ObjectMapper().readTree(json.out())) {
            if (trace.get("thread_name").asText().equals("Sleeper")) {
                sleeper = trace;
            }
        }
        assertThat(sleeper).as(json.out()).isNotNull();
        List<JsonNode> natives = new ArrayList<>();
        JsonNode firstPython = null;
        for (JsonNode frame : sleeper.get("frames")) {
            if (frame.get("module").isNull()) {
                firstPython = frame;
                break;
            }
            natives.add(frame);
        }
        assertThat(firstPython).as(json.out()).isNotNull();
        assertThat(firstPython.get("name").asText()).isEqualTo("sleeper");
        assertThat(firstPython.get("line").asInt()).isEqualTo(markers.line("sleeper"));
        assertThat(natives).as(json.out()).isNotEmpty();
        // glibc sleeps in clock_nanosleep; time.sleep's own C function, time_sleep, is named only when its symbol
        // is found: Debian's executable keeps only exported symbols (the rest is in python3.11-dbg's debug file),
        // so without that package the merge drops it as an unnamed interpreter frame.
        JsonNode leaf = natives.get(0);
        assertThat(leaf.get("name").asText()).isEqualTo("clock_nanosleep");
        assertThat(leaf.get("module").asText()).endsWith("/libc.so.6");
        // With libc's debug file installed (libc6-dbg), the frame names its source file and line instead.
        assertThat(leaf.get("short_filename").asText() + ":" + leaf.get("line").asInt())
                .matches("libc\\.so\\.6:0|clock_nanosleep\\.c:[1-9][0-9]*");
        assertThat(natives.subList(1, natives.size())).extracting(frame -> frame.get("name").asText())
                .isSubsetOf("time_sleep").hasSizeLessThanOrEqualTo(1);

        Pyspy4jJar.Result text = DumpCli.dump(target, "--native");

        assertThat(text.exitCode()).as(text.describe()).isZero();
        assertThat(text.out())
                .containsPattern("    clock_nanosleep \\((libc\\.so\\.6|clock_nanosleep\\.c:[0-9]+)\\)\n"
                        + "(    time_sleep \\(python3\\.11\\)\n)?"
                        + "    sleeper \\(native_smoke_sleep\\.py:" + markers.line("sleeper") + "\\)\n");
    }
}
