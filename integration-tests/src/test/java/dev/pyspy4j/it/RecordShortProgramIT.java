// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A launched program is sampled from its first line: a script of a fifth of a second, on every interpreter, gets
 * about the samples its duration is worth, including those of its first 50 ms; a program that ends before any
 * Python runs gets an empty file of the format asked for, which its readers accept; with {@code --subprocesses},
 * a launched program that starts Python is followed into it.
 */
@EnabledOnOs(OS.LINUX)
class RecordShortProgramIT {
    private static final int RATE = 200;
    private static final double SECONDS = 0.2;
    /**
     * The share of the rounds its duration is worth, at the rate the run achieved, that a short script must get at
     * least. Far below what a run gets (its start-up is sampled too), far above what the script got when its first
     * moments went unsampled (none, or a few of its last).
     */
    private static final double LEAST_SHARE = 0.3;
    private static final Pattern RAN = Pattern.compile("ran (\\d+\\.\\d+) s");
    private static final Pattern ROUND_RATE = Pattern.compile("\\((\\d+\\.\\d+) rounds/s of ");

    @TempDir
    Path work;

    static List<Path> pythons() {
        return Interpreters.all();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void aShortScriptIsSampledFromItsFirstLine(Path python) throws Exception {
        Pyspy4jJar.Result result = RecordRun.run(work, "-r", Integer.toString(RATE), "-f", "raw", "-o", "short.txt",
                "--", python.toString(), Interpreters.script("short_phases.py").toString(), Double.toString(SECONDS));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        Matcher ran = RAN.matcher(result.out());
        assertThat(ran.find()).as(result.describe()).isTrue();
        double seconds = Double.parseDouble(ran.group(1));
        Matcher rate = ROUND_RATE.matcher(result.err());
        assertThat(rate.find()).as(result.describe()).isTrue();
        // At the rate the run achieved: a busy machine slows the sampler down, not the start of sampling.
        double achieved = Math.min(RATE, Double.parseDouble(rate.group(1)));
        RawProfile profile = RawProfile.read(work.resolve("short.txt"));
        assertThat(profile.total()).as("samples of a %.3f s script at %.1f rounds/s; %s", seconds, achieved,
                result.describe()).isGreaterThanOrEqualTo((long) Math.ceil(LEAST_SHARE * seconds * achieved));
        assertThat(profile.withLeaf("first_phase")).as("its first 50 ms: %s; %s", profile, result.describe())
                .isPositive();
        assertThat(profile.withLeaf("second_phase")).as("the rest: %s; %s", profile, result.describe()).isPositive();
    }

    @Test
    void aLaunchedShellIsRecordedWithItsPythonChildWithSubprocesses() throws Exception {
        Path python = Interpreters.pyenv("3.11");
        Interpreters.requireInstalled(python);

        // The launched program is a shell, not Python: only --subprocesses finds the Python it starts. A tree's
        // processes are opened in the background, which takes a cold JVM a while: the child runs long enough.
        Pyspy4jJar.Result result = RecordRun.run(work, "-s", "-f", "raw", "-o", "tree.txt", "--", "sh", "-c",
                "\"$0\" \"$1\" 3.0", python.toString(), Interpreters.script("short_phases.py").toString());

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.out()).as(result.describe()).containsPattern(RAN);
        assertThat(result.err()).as(result.describe()).contains("pyspy4j> 'sh' exited with status 0\n");
        RawProfile profile = RawProfile.read(work.resolve("tree.txt"));
        assertThat(profile.withLeaf("second_phase")).as(profile.toString()).isPositive();
        assertThat(profile.labels()).as(profile.toString()).anyMatch(label -> label.startsWith("process "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"flamegraph", "speedscope", "chrometrace", "raw", "gecko", "html"})
    void aProgramThatEndsBeforeAnyPythonRunsGetsAnEmptyFileOfItsFormat(String format) throws Exception {
        Path output = work.resolve("empty." + format);

        Pyspy4jJar.Result result = RecordRun.run(work, "-f", format, "-o", output.toString(), "--", "true");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.err()).as(result.describe())
                .contains("pyspy4j> Wrote ")
                .contains(" to '" + output + "', with no samples\n")
                .endsWith("pyspy4j record: 'true' exited with status 0 before it could be sampled\n");
        assertValidAndEmpty(format, output);
    }

    private static void assertValidAndEmpty(String format, Path output) throws Exception {
        switch (format) {
            case "raw" -> assertThat(Files.size(output)).isZero();
            case "flamegraph" -> assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(output.toFile()).getDocumentElement().getTagName()).isEqualTo("svg");
            case "speedscope" -> {
                JsonNode profile = new ObjectMapper().readTree(output.toFile());
                assertThat(profile.path("$schema").asText()).contains("speedscope");
                profile.path("profiles").forEach(each -> assertThat(each.path("samples")).isEmpty());
            }
            case "chrometrace" -> {
                JsonNode trace = new ObjectMapper().readTree(output.toFile());
                JsonNode events = trace.isArray() ? trace : trace.path("traceEvents");
                assertThat(events.isArray()).as(trace.toString()).isTrue();
                events.forEach(event -> assertThat(event.path("ph").asText()).as(event.toString()).isNotIn("B", "E",
                        "X"));
            }
            case "gecko" -> {
                JsonNode profile = new ObjectMapper().readTree(output.toFile());
                assertThat(profile.at("/meta/preprocessedProfileVersion").isInt()).as(profile.toString()).isTrue();
                assertThat(profile.path("threads").isArray()).as(profile.toString()).isTrue();
                profile.path("threads").forEach(thread -> assertThat(thread.at("/samples/length").asInt()).isZero());
            }
            case "html" -> {
                String page = Files.readString(output);
                String open = "<script id=\"profile-data\" type=\"application/json\">";
                int start = page.indexOf(open) + open.length();
                JsonNode data = new ObjectMapper().readTree(page.substring(start, page.indexOf("</script>", start)));
                assertThat(data.get("totalSamples").asLong()).as(data.toString()).isZero();
                assertThat(page).contains(">No samples<");
            }
            default -> throw new IllegalArgumentException(format);
        }
    }
}
