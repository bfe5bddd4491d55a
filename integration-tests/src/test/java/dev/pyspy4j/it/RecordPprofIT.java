// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.testsupport.GoPprof;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record -f pprof} of a real Python, read by the real {@code go tool pprof}, and converted back to raw with
 * the same counts. The target ({@code shares.py}) spends its time in fifty, thirty and twenty on its main thread.
 */
@EnabledOnOs(OS.LINUX)
class RecordPprofIT {
    private static final Pattern TOTAL = Pattern.compile("Showing nodes accounting for (\\d+), [0-9.]+% of (\\d+) total");

    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @TempDir
    Path work;

    @Test
    void goToolPprofReadsARecordingAndConvertKeepsItsCounts() throws Exception {
        Path python = Interpreters.pyenv("3.11");
        Path script = Interpreters.script("shares.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);

        Pyspy4jJar.Result recorded = RecordRun.run(work, "-p", Long.toString(target.pid()), "-f", "pprof", "-o",
                "profile.pb.gz", "-d", "2", "-r", "100");
        assertThat(recorded.exitCode()).as(recorded.describe()).isZero();
        Path profile = work.resolve("profile.pb.gz");

        String top = GoPprof.run(profile, "-top", "-sample_index=samples");
        long samples = total(top);
        assertThat(samples).as(top).isPositive();
        assertThat(top).contains("Type: samples").containsPattern("(?m)\\sfifty$").containsPattern("(?m)\\sthirty$");
        assertThat(GoPprof.run(profile, "-top")).contains("Type: cpu");
        assertThat(GoPprof.run(profile, "-comments")).contains("record -p " + target.pid() + " -f pprof");

        String traces = GoPprof.run(profile, "-traces");
        assertThat(traces).contains("thread_name:  MainThread", "thread_id:  " + target.pid());

        String lines = GoPprof.run(profile, "-top", "-lines");
        assertThat(lines).containsPattern("fifty " + Pattern.quote(script + ":" + markers.line("fifty")));

        String mainThread = GoPprof.run(profile, "-top", "-sample_index=samples", "-tagfocus=thread_name=MainThread");
        assertThat(total(mainThread)).as(mainThread).isEqualTo(samples);

        Pyspy4jJar.Result converted = Pyspy4jJar.runCommand(java("convert", profile.toString(), "-f", "raw", "-o",
                work.resolve("profile.txt").toString()), work);
        assertThat(converted.exitCode()).as(converted.describe()).isZero();
        RawProfile raw = RawProfile.read(work.resolve("profile.txt"));
        assertThat(raw.total()).as(raw.toString()).isEqualTo(samples);
        assertThat(raw.withLeaf("fifty")).isEqualTo(flat(top, "fifty"));
        System.out.printf("RecordPprofIT: %d samples, pprof %d bytes, converted raw %d bytes%n", samples,
                Files.size(profile), Files.size(work.resolve("profile.txt")));
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Pyspy4jJar.java(), "-jar", Pyspy4jJar.path().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static long total(String top) {
        Matcher matcher = TOTAL.matcher(top);
        assertThat(matcher.find()).as(top).isTrue();
        return Long.parseLong(matcher.group(2));
    }

    /** The flat (own) count of {@code function} in {@code -top -sample_index=samples} output. */
    private static long flat(String top, String function) {
        Matcher matcher = Pattern.compile("(?m)^\\s+(\\d+)\\s.*\\s" + Pattern.quote(function) + "$").matcher(top);
        assertThat(matcher.find()).as(top).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
