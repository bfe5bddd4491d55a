// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.gecko;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyspy4j.output.Traces;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import dev.pyspy4j.spi.output.RecordingCounts;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A written profile loaded by the Firefox Profiler's own code: its command-line tool from npm
 * ({@code @firefox-devtools/profiler-cli}, pinned by {@code src/test/firefox-profiler/package-lock.json}, installed by
 * {@code ./run-tests}) imports the file with the profiler's importer, upgrades it to its current version and answers
 * queries on threads, call trees, time ranges and source lines. Node is Debian's; a missing tool fails the test with
 * what to install.
 */
class GeckoFirefoxProfilerIT {
    private static final Path WORK = Path.of("target", "gecko-firefox-profiler");
    private static final Path CLI_DIR = Path.of(System.getenv().getOrDefault("PYSPY4J_PROFILER_CLI_DIR",
            "/var/cache/pyspy4j/firefox-profiler"));
    private static final OutputSettings IDLE_SHOWN = new OutputSettings(
            "pyspy4j record --idle -s -f gecko -- python app.py", 100, true, "pyspy4j test", true);

    private static final Frame MODULE = Traces.frame("<module>", "/app/app.py", 30);
    private static final Frame MAIN = Traces.frame("main", "/app/app.py", 25);
    private static final Frame COMPUTE = Traces.frame("compute", "/app/app.py", 12);
    private static final Frame REPORT = Traces.frame("report", "/app/report.py", 7);
    private static final Frame CHILD = Traces.frame("child_work", "/app/child.py", 3);

    @Test
    void theFirefoxProfilerLoadsThreadsProcessesTimesAndLines() throws IOException, InterruptedException {
        requireTools();
        Files.createDirectories(WORK);
        Path profile = WORK.resolve("recording.json");
        write(profile);

        try (ProfilerCli cli = ProfilerCli.load(CLI_DIR, WORK.resolve("sessions"), "recording", profile)) {
            JsonNode threads = cli.json("thread", "list", "--sort", "index").get("threads");
            assertThat(threads).hasSize(3);
            assertThat(threads.findValuesAsText("name"))
                    .containsExactly("MainThread (1000)", "worker (1001)", "MainThread (2000)");
            assertThat(threads.findValuesAsText("pid")).containsExactly("1000", "1000", "2000");
            assertThat(threads.findValues("tid")).extracting(JsonNode::asLong).containsExactly(1000L, 1001L, 2000L);

            // 60 samples of compute, then 30 of report, then 10 idle ones: the idle ones are left out.
            JsonNode main = cli.json("thread", "samples-top-down", "--thread", "t-0").get("regularCallTree");
            assertThat(callTree(main)).containsExactly("<module> 90", " main 90", "  compute 60", "  report 30");
            JsonNode withIdle = cli.json("thread", "samples-top-down", "--thread", "t-0", "--include-idle")
                    .get("regularCallTree");
            assertThat(callTree(withIdle)).contains("<module> 100", " main 100");

            JsonNode child = cli.json("thread", "samples-top-down", "--thread", "t-2").get("regularCallTree");
            assertThat(callTree(child)).containsExactly("child_work 5");

            // The first 0.6 s hold only compute: the samples are placed at their times.
            cli.run("zoom", "push", "0,0.595");
            assertThat(callTree(cli.json("thread", "samples-top-down", "--thread", "t-0").get("regularCallTree")))
                    .containsExactly("<module> 60", " main 60", "  compute 60");
            cli.run("zoom", "pop");

            cli.run("thread", "select", "t-0");
            String annotated = cli.run("function", "annotate", functionHandle(main, "compute"), "--mode", "src");
            assertThat(annotated).contains("Source file: /app/app.py").containsPattern("(?m)^\\s+12\\s+60\\s+60\\s*$");
        }
    }

    @Test
    void theFirefoxProfilerOpensAnEmptyRecording() throws IOException, InterruptedException {
        requireTools();
        Files.createDirectories(WORK);
        Path profile = WORK.resolve("empty.json");
        try (OutputStream out = Files.newOutputStream(profile)) {
            new GeckoFormat().newRecorder(IDLE_SHOWN).writeTo(out);
        }

        try (ProfilerCli cli = ProfilerCli.load(CLI_DIR, WORK.resolve("sessions"), "empty", profile)) {
            JsonNode threads = cli.json("thread", "list").get("threads");
            assertThat(threads.findValuesAsText("name")).containsExactly("No samples");
            assertThat(cli.json("thread", "info", "--thread", "t-0").get("sampleCount").asInt()).isZero();
        }
    }

    /** Main thread of process 1000, a worker sampled every other tick, and a child process 2000. */
    private static void write(Path file) throws IOException {
        Recorder recorder = new GeckoFormat().newRecorder(IDLE_SHOWN);
        for (int tick = 0; tick < 100; tick++) {
            long nanos = tick * 10_000_000L;
            List<Frame> frames = tick < 60 ? List.of(COMPUTE, MAIN, MODULE) : List.of(REPORT, MAIN, MODULE);
            recorder.record(inProcess(1000, 1000, "MainThread", tick < 90, frames, "python app.py"), nanos);
            if (tick % 2 == 0) {
                recorder.record(inProcess(1000, 1001, "worker", true, List.of(COMPUTE), "python app.py"), nanos);
            }
            if (tick % 20 == 0) {
                recorder.record(inProcess(2000, 2000, "MainThread", true, List.of(CHILD), "python child.py"), nanos);
            }
        }
        // The recording's counts go into the profile's extra information, which the profiler's importer must take.
        recorder.counts(new RecordingCounts(100, 155, Map.of("torn stack", 1L)));
        try (OutputStream out = Files.newOutputStream(file)) {
            recorder.writeTo(out);
        }
    }

    private static StackTrace inProcess(long pid, long tid, String name, boolean active, List<Frame> frames,
                                        String commandLine) {
        StackTrace trace = new StackTrace(pid, tid, name, tid, active, true, frames, null);
        return Traces.inProcess(trace, pid, commandLine);
    }

    /** The call tree below the root, one line per node: depth spaces, name, total samples. */
    private static List<String> callTree(JsonNode root) {
        List<String> lines = new ArrayList<>();
        for (JsonNode child : root.path("children")) {
            addNode(child, 0, lines);
        }
        return lines;
    }

    private static void addNode(JsonNode node, int depth, List<String> lines) {
        lines.add(" ".repeat(depth) + node.get("name").asText() + " " + Math.round(node.get("totalSamples").asDouble()));
        for (JsonNode child : node.path("children")) {
            addNode(child, depth + 1, lines);
        }
    }

    private static String functionHandle(JsonNode root, String name) {
        for (JsonNode node : root.findParents("functionHandle")) {
            if (node.get("name").asText().equals(name)) {
                return node.get("functionHandle").asText();
            }
        }
        throw new AssertionError("no function " + name + " in " + root);
    }

    private static void requireTools() {
        boolean node = false;
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            node |= !directory.isEmpty() && Files.isExecutable(Path.of(directory, "node"));
        }
        if (!node) {
            throw new IllegalStateException("node is not on the PATH; install Debian's nodejs (./run-tests does)");
        }
        if (!Files.isRegularFile(CLI_DIR.resolve("node_modules/@firefox-devtools/profiler-cli/package.json"))) {
            throw new IllegalStateException("@firefox-devtools/profiler-cli is not installed under " + CLI_DIR
                    + "; ./run-tests installs it there (npm ci of src/test/firefox-profiler/package-lock.json), or"
                    + " name another directory with PYSPY4J_PROFILER_CLI_DIR");
        }
    }
}
