// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.it.DumpText.DumpedFrame;
import dev.pyspy4j.it.DumpText.DumpedThread;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A thread 70,000 calls deep ({@code deep_thread.py}) beside an ordinary one: the deep stack keeps its innermost
 * frames up to the default cap, under a marker frame that counts the outer ones, and the other threads are shown
 * and sampled as usual. Before the cap, such a stack failed the whole dump and left a recording empty. Both frame
 * walks are covered: {@code PyFrameObject} chains (2.7, 3.10) and {@code _PyInterpreterFrame} chains (3.11+).
 */
@EnabledOnOs(OS.LINUX)
class DeepStackIT {
    private static final int DEPTH = 70_000;
    /** pyspy4j's default cap on the frames kept per thread. */
    private static final int KEPT = 8192;

    private final RunningProcesses targets = new RunningProcesses();
    private final Path script = Interpreters.script("deep_thread.py");

    @TempDir
    Path work;

    static Stream<Path> pythons() {
        return Stream.of("2.7", "3.10", "3.11", "3.13").map(Interpreters::pyenv);
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void dumpShowsEveryThreadAndTheDeepOneCutUnderAMarker(Path python) throws Exception {
        ScriptMarkers markers = ScriptMarkers.of(script);
        String file = script.getFileName().toString();
        Process target = targets.startPython(python, script);

        Pyspy4jJar.Result result = DumpCli.dump(target);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        Map<String, DumpedThread> threads = DumpText.threads(result.out()).stream()
                .collect(Collectors.toMap(DumpedThread::name, Function.identity()));
        assertThat(threads).as(result.err()).containsOnlyKeys("MainThread", "Deep-70000", "Shallow");
        List<DumpedFrame> shallow = threads.get("Shallow").frames();
        assertThat(shallow.get(0)).isEqualTo(new DumpedFrame("shallow", file, markers.line("shallow")));
        // Threads start through the same threading frames, so the deep thread has as many below its first dive.
        int threadingFrames = shallow.size() - 1;

        List<DumpedFrame> deep = threads.get("Deep-70000").frames();
        assertThat(deep).hasSize(KEPT + 1);
        assertThat(deep.get(0)).isEqualTo(new DumpedFrame("dive", file, markers.line("bottom")));
        assertThat(deep.subList(1, KEPT)).allSatisfy(frame ->
                assertThat(frame).isEqualTo(new DumpedFrame("dive", file, markers.line("dive"))));
        String marker = "<" + (DEPTH + threadingFrames - KEPT) + " outer frames cut>";
        assertThat(deep.get(KEPT)).isEqualTo(new DumpedFrame(marker, "<pyspy4j>", 0));
        assertThat(threads.get("MainThread").frames()).extracting(DumpedFrame::function).containsExactly("<module>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void recordSamplesEveryThreadAndTheDeepOneCutUnderAMarker(Path python) throws Exception {
        Process target = targets.startPython(python, script);

        Pyspy4jJar.Result result = RecordRun.run(work, "-p", Long.toString(target.pid()), "--idle", "-f", "raw",
                "-o", "deep.txt", "-d", "2", "-r", "20");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        RawProfile profile = RawProfile.read(work.resolve("deep.txt"));
        assertThat(profile.withLeaf("shallow")).as("%s", profile.labels()).isPositive();
        assertThat(profile.withLeaf("<module>")).as("%s", profile.labels()).isPositive();
        assertThat(profile.count(stack -> stack.get(0).matches("<\\d+ outer frames cut> \\(<pyspy4j>\\)")
                && stack.size() == KEPT + 1 && stack.get(KEPT).startsWith("dive ("))).as("%s", profile.labels())
                .isPositive();
    }
}
