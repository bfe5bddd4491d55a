// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.it.DumpText.DumpedFrame;
import dev.pyspy4j.it.DumpText.DumpedThread;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two deep threads in one target ({@code deep_thread.py 5000 20000}), on every interpreter: the one 5,000 calls deep
 * is below the default cap and shown whole, every frame and no marker; the one 20,000 deep keeps its innermost
 * frames up to the cap under a marker frame that counts the outer ones; by {@code dump} and by {@code record}. The
 * dump's wall time and the peak RSS of each run are printed (speed is for benchmarks; the bounds asserted are sanity
 * only).
 */
@EnabledOnOs(OS.LINUX)
class DeepStackSizesIT {
    private static final int WHOLE = 5_000;
    private static final int CUT = 20_000;
    /** pyspy4j's default cap on the frames kept per thread. */
    private static final int KEPT = 8192;
    private static final long DUMP_SANITY_NANOS = 30_000_000_000L;

    private final RunningProcesses targets = new RunningProcesses();
    private final Path script = Interpreters.script("deep_thread.py");

    @TempDir
    Path work;

    static List<Path> pythons() {
        return Interpreters.all();
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void dumpShowsTheShallowerDeepThreadWholeAndCutsTheDeeperOne(Path python) throws Exception {
        ScriptMarkers markers = ScriptMarkers.of(script);
        String file = script.getFileName().toString();
        Process target = targets.startPython(python, script, Integer.toString(WHOLE), Integer.toString(CUT));
        long start = System.nanoTime();

        Pyspy4jJar.Result result = Pyspy4jJar.runCommand(PeakRss.measured(DumpCli.command(List.of(),
                List.of("dump", "--pid", Long.toString(target.pid())))));

        long took = System.nanoTime() - start;
        System.out.printf("%s: dump of threads %d and %d deep took %.2f s, peak RSS %d MiB%n", python, WHOLE, CUT,
                took / 1e9, PeakRss.kibIn(result.err()) / 1024);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(took).as("dump wall time, sanity only").isLessThan(DUMP_SANITY_NANOS);
        Map<String, DumpedThread> threads = DumpText.threads(result.out()).stream()
                .collect(Collectors.toMap(DumpedThread::name, Function.identity()));
        assertThat(threads).as(result.err()).containsOnlyKeys("MainThread", "Deep-" + WHOLE, "Deep-" + CUT,
                "Shallow");
        List<DumpedFrame> shallow = threads.get("Shallow").frames();
        assertThat(shallow.get(0)).isEqualTo(new DumpedFrame("shallow", file, markers.line("shallow")));
        // Threads start through the same threading frames, so each deep thread has as many below its first dive.
        List<DumpedFrame> threading = shallow.subList(1, shallow.size());
        DumpedFrame bottom = new DumpedFrame("dive", file, markers.line("bottom"));
        DumpedFrame dive = new DumpedFrame("dive", file, markers.line("dive"));

        List<DumpedFrame> whole = new ArrayList<>(List.of(bottom));
        whole.addAll(Collections.nCopies(WHOLE - 1, dive));
        whole.addAll(threading);
        assertThat(threads.get("Deep-" + WHOLE).frames()).as("every frame of the thread %d deep", WHOLE)
                .isEqualTo(whole);

        List<DumpedFrame> cut = threads.get("Deep-" + CUT).frames();
        assertThat(cut).hasSize(KEPT + 1);
        assertThat(cut.get(0)).isEqualTo(bottom);
        assertThat(cut.subList(1, KEPT)).allSatisfy(frame -> assertThat(frame).isEqualTo(dive));
        String marker = "<" + (CUT + threading.size() - KEPT) + " outer frames cut>";
        assertThat(cut.get(KEPT)).isEqualTo(new DumpedFrame(marker, "<pyspy4j>", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void recordSamplesTheShallowerDeepThreadWholeAndCutsTheDeeperOne(Path python) throws Exception {
        Process target = targets.startPython(python, script, Integer.toString(WHOLE), Integer.toString(CUT));
        List<String> command = new ArrayList<>(List.of(Pyspy4jJar.java(), "-jar", Pyspy4jJar.path().toString(),
                "record", "-p", Long.toString(target.pid()), "--idle", "-f", "raw", "-o", "deep.txt", "-d", "3", "-r",
                "100"));

        Pyspy4jJar.Result result;
        try (RecordRun run = RecordRun.startCommand(work, PeakRss.measured(command),
                environment -> environment.put("LC_ALL", "C.UTF-8"))) {
            result = run.finish();
        }

        System.out.printf("%s: record of threads %d and %d deep, peak RSS %d MiB; %s%n", python, WHOLE, CUT,
                PeakRss.kibIn(result.err()) / 1024, result.err().lines().filter(line -> line.contains("Samples:"))
                        .findFirst().orElse("no summary"));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        RawProfile profile = RawProfile.read(work.resolve("deep.txt"));
        List<String> shallow = profile.stacks().keySet().stream()
                .filter(stack -> stack.get(stack.size() - 1).startsWith("shallow (")).findFirst()
                .orElseThrow(() -> new AssertionError("no stack of the shallow thread: " + profile.labels()));
        int threadingFrames = shallow.size() - 1;
        assertThat(profile.count(stack -> stack.size() == WHOLE + threadingFrames
                && stack.get(0).equals(shallow.get(0)) && dives(stack) == WHOLE))
                .as("samples of the thread %d deep, whole: %s", WHOLE, profile.labels()).isPositive();
        String marker = "<" + (CUT + threadingFrames - KEPT) + " outer frames cut> (<pyspy4j>)";
        assertThat(profile.count(stack -> stack.size() == KEPT + 1 && stack.get(0).equals(marker)
                && dives(stack) == KEPT)).as("samples of the thread %d deep, cut: %s", CUT, profile.labels())
                .isPositive();
        assertThat(profile.labels()).as("markers").filteredOn(label -> label.contains("outer frames cut"))
                .containsExactly(marker);
    }

    private static long dives(List<String> stack) {
        return stack.stream().filter(frame -> frame.startsWith("dive (")).count();
    }
}
