// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyspy4j.testsupport.GoPprof;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of a real recording carry the counts its summary line gives (samples, rounds, failed rounds by
 * reason): speedscope under a key of its own, the Firefox Profiler's file in its extra information, pprof in its
 * comments as {@code go tool pprof -comments} prints them.
 */
@EnabledOnOs(OS.LINUX)
class RecordedCountsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUMMARY = Pattern.compile(
            "Samples: (\\d+) stacks in (\\d+) rounds \\([^)]*\\), errors: (\\d+)(?: \\(([^)]*)\\))?\\n");

    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @TempDir
    Path work;

    /** What the summary line says. */
    private record Summary(long samples, long rounds, long errors, Map<String, Long> byReason) {
        static Summary of(String err) {
            Matcher matcher = SUMMARY.matcher(err);
            assertThat(matcher.find()).as(err).isTrue();
            Map<String, Long> byReason = new HashMap<>();
            if (matcher.group(4) != null) {
                for (String reason : matcher.group(4).split(", ")) {
                    int colon = reason.lastIndexOf(": ");
                    byReason.put(reason.substring(0, colon), Long.parseLong(reason.substring(colon + 2)));
                }
            }
            return new Summary(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                    Long.parseLong(matcher.group(3)), byReason);
        }
    }

    private Summary record(String format, String file) throws Exception {
        Process target = targets.startPython(Interpreters.pyenv("3.11"), Interpreters.script("shares.py"));
        Pyspy4jJar.Result recorded = RecordRun.run(work, "-p", Long.toString(target.pid()), "-f", format, "-o",
                file, "-d", "1", "-r", "200");
        assertThat(recorded.exitCode()).as(recorded.describe()).isZero();
        Summary summary = Summary.of(recorded.err());
        assertThat(summary.rounds()).as(recorded.err()).isPositive();
        return summary;
    }

    @Test
    void speedscopeFilesCarryTheSummaryLinesCounts() throws Exception {
        Summary summary = record("speedscope", "profile.json");

        JsonNode counts = JSON.readTree(work.resolve("profile.json").toFile()).get("pyspy4jRecording");

        assertThat(counts.get("samples").asLong()).isEqualTo(summary.samples());
        assertThat(counts.get("rounds").asLong()).isEqualTo(summary.rounds());
        assertThat(counts.get("errors").asLong()).isEqualTo(summary.errors());
        Map<String, Long> byReason = new HashMap<>();
        counts.get("errorsByReason").fields().forEachRemaining(reason -> byReason.put(reason.getKey(),
                reason.getValue().asLong()));
        assertThat(byReason).isEqualTo(summary.byReason());
    }

    @Test
    void firefoxProfilerFilesCarryTheSummaryLinesCounts() throws Exception {
        Summary summary = record("gecko", "profile.json");

        JsonNode section = JSON.readTree(work.resolve("profile.json").toFile()).at("/meta/extra/0");

        Map<String, Long> entries = new HashMap<>();
        section.get("entries").forEach(entry -> entries.put(entry.get("label").asText(), entry.get("value").asLong()));
        Map<String, Long> expected = new HashMap<>(Map.of("Samples", summary.samples(), "Rounds", summary.rounds(),
                "Errors", summary.errors()));
        summary.byReason().forEach((reason, count) -> expected.put("Errors: " + reason, count));
        assertThat(section.get("label").asText()).isEqualTo("Sampling");
        assertThat(entries).isEqualTo(expected);
    }

    @Test
    void pprofCommentsCarryTheSummaryLinesCounts() throws Exception {
        Summary summary = record("pprof", "profile.pb.gz");

        String comments = GoPprof.run(work.resolve("profile.pb.gz"), "-comments");

        assertThat(comments).contains(summary.samples() + " samples in " + summary.rounds() + " rounds, errors: "
                + summary.errors());
    }
}
