// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.pprof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.output.Traces;
import dev.pyspy4j.output.Traces.Timed;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.RecordingCounts;
import dev.pyspy4j.testsupport.GoPprof;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code go tool pprof} reads what {@code -f pprof} writes: a recording at 100 Hz (10 ms a sample) of a
 * main thread that spends 30 samples in {@code compute} at line 12, 10 at line 13, and 5 in {@code main} itself,
 * and of a worker thread {@code Worker-1} that spends 20 samples in {@code poll}.
 */
class PprofGoToolTest {
    private static final Frame MODULE = Traces.frame("<module>", "/srv/app/app.py", 30);
    private static final Frame MAIN = Traces.frame("main", "/srv/app/app.py", 25);
    private static final Frame COMPUTE_12 = Traces.frame("compute", "/srv/app/app.py", 12);
    private static final Frame COMPUTE_13 = Traces.frame("compute", "/srv/app/app.py", 13);
    private static final Frame RUN = Traces.frame("run", "/usr/lib/python3.11/threading.py", 975);
    private static final Frame POLL = Traces.frame("poll", "/srv/app/net/io.py", 8);

    @TempDir
    static Path directory;
    private static Path profile;

    @BeforeAll
    static void writeProfile() throws IOException {
        List<Timed> samples = new ArrayList<>();
        add(samples, 30, Traces.stack(0x7f01, "MainThread", 4242, COMPUTE_12, MAIN, MODULE));
        add(samples, 10, Traces.stack(0x7f01, "MainThread", 4242, COMPUTE_13, MAIN, MODULE));
        add(samples, 5, Traces.stack(0x7f01, "MainThread", 4242, MAIN, MODULE));
        add(samples, 20, Traces.stack(0x7f02, "Worker-1", 4243, POLL, RUN));
        profile = directory.resolve("profile.pb.gz");
        Files.write(profile, Traces.write(new PprofFormat(), Traces.WITH_LINES, samples,
                new RecordingCounts(70, 65, Map.of("torn stack", 5L))));
    }

    private static void add(List<Timed> samples, int count, StackTrace trace) {
        for (int i = 0; i < count; i++) {
            samples.add(new Timed(trace, samples.size() * 10_000_000L));
        }
    }

    @Test
    void topListsEachFunctionsOwnAndTotalTime() throws Exception {
        String top = GoPprof.run(profile, "-top");

        assertThat(top).contains("Type: cpu", "650ms, 100% of 650ms total");
        assertThat(top).containsPattern("(?m)^\\s+400ms\\s+61\\.54%\\s+61\\.54%\\s+400ms\\s+61\\.54%\\s+compute$");
        assertThat(top).containsPattern("(?m)^\\s+200ms\\s+30\\.77%\\s+92\\.31%\\s+200ms\\s+30\\.77%\\s+poll$");
        assertThat(top).containsPattern("(?m)^\\s+50ms\\s+7\\.69%\\s+100%\\s+450ms\\s+69\\.23%\\s+main$");
        assertThat(top).containsPattern("(?m)^\\s+0\\s+0%\\s+100%\\s+450ms\\s+69\\.23%\\s+<module>$");
        assertThat(top).containsPattern("(?m)^\\s+0\\s+0%\\s+100%\\s+200ms\\s+30\\.77%\\s+run$");
    }

    @Test
    void theCountValueCountsSamples() throws Exception {
        String top = GoPprof.run(profile, "-top", "-sample_index=samples");

        assertThat(top).contains("Type: samples", "65, 100% of 65 total");
        assertThat(top).containsPattern("(?m)^\\s+40\\s+61\\.54%\\s+61\\.54%\\s+40\\s+61\\.54%\\s+compute$");
    }

    @Test
    void tracesShowEveryStackWithItsThreadLabels() throws Exception {
        String traces = GoPprof.run(profile, "-traces");

        assertThat(traces).doesNotContain("Main binary filename not available");
        assertThat(traces).containsPattern(stack("4242", "MainThread", "300ms", "compute", "main", "<module>"));
        assertThat(traces).containsPattern(stack("4242", "MainThread", "100ms", "compute", "main", "<module>"));
        assertThat(traces).containsPattern(stack("4242", "MainThread", "50ms", "main", "<module>"));
        assertThat(traces).containsPattern(stack("4243", "Worker-1", "200ms", "poll", "run"));
    }

    /** One stack of {@code -traces}: its labels, its time and its functions leaf first, then the separator. */
    private static String stack(String threadId, String threadName, String time, String... leafFirst) {
        return "\\Q-----\\E[-+]*\\n\\s*thread_id:\\s+" + threadId + "\\n\\s*thread_name:\\s+" + threadName
                + "\\n\\s+" + time + "\\s+" + String.join("\\n\\s+", leafFirst) + "\\n-----";
    }

    @Test
    void linesAreKeptApart() throws Exception {
        String lines = GoPprof.run(profile, "-top", "-lines");

        assertThat(lines).containsPattern("(?m)^\\s+300ms.*compute /srv/app/app.py:12$");
        assertThat(lines).containsPattern("(?m)^\\s+100ms.*compute /srv/app/app.py:13$");
        assertThat(lines).containsPattern("(?m)^\\s+200ms.*poll /srv/app/net/io.py:8$");
    }

    @Test
    void tagfocusOnAThreadNameKeepsOnlyThatThread() throws Exception {
        String worker = GoPprof.run(profile, "-top", "-tagfocus=thread_name=Worker-1");

        assertThat(worker).contains("200ms, 30.77% of 650ms total");
        assertThat(worker).containsPattern("(?m)^\\s+200ms.*\\spoll$");
        assertThat(worker).doesNotContain("compute", "main");
    }

    @Test
    void commentsHoldTheCommandLineAndHowCompleteTheRecordingIs() throws Exception {
        String comments = GoPprof.run(profile, "-comments");

        assertThat(comments).contains(Traces.WITH_LINES.title(), "written by pyspy4j test",
                "65 samples in 70 rounds, errors: 5 (torn stack: 5)");
    }

    @Test
    void idleRecordingsMeasureWallTime() throws Exception {
        OutputSettings idle = new OutputSettings("pyspy4j record --idle", 50, true, "pyspy4j test", true);
        Path wall = directory.resolve("wall.pb.gz");
        Files.write(wall, Traces.write(new PprofFormat(), idle,
                List.of(new Timed(Traces.stack(1, "MainThread", 7, POLL), 0))));

        String top = GoPprof.run(wall, "-top");

        assertThat(top).contains("Type: wall", "20ms, 100% of 20ms total");
    }
}
