// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code top} with standard output in a file, on pyenv's and Debian's 3.11: plain snapshots, one per refresh, until
 * Control-C (SIGINT), which ends it normally and leaves the process running.
 */
@EnabledOnOs(OS.LINUX)
class TopSnapshotIT {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(90);

    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    static List<Path> pythons() {
        return Interpreters.python311();
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void printsOnePlainSnapshotPerRefreshUntilInterrupted(Path python) throws Exception {
        Path script = Interpreters.script("shares.py");
        Process target = targets.startPython(python, script);
        Path out = work.resolve("top.out");
        Path err = work.resolve("top.err");
        // As RecordRun does: a JVM started with SIGINT ignored could not handle it.
        ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT", Pyspy4jJar.java(), "-jar",
                Pyspy4jJar.path().toString(), "top", "--pid", Long.toString(target.pid()), "--delay", "0.5")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().remove("CLICOLOR_FORCE");
        Process top = builder.start();
        try {
            awaitSnapshots(top, out, 4);
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(top.pid())).start();
            assertThat(kill.waitFor()).isZero();
            assertThat(top.waitFor(90, TimeUnit.SECONDS)).isTrue();
        } finally {
            top.destroyForcibly();
        }

        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(top.exitValue()).as(printed).isZero();
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).isEmpty();
        assertThat(printed).doesNotContain("\u001b").endsWith("\n\n");
        String last = printed.substring(printed.lastIndexOf("Collecting samples from"));
        List<String> lines = last.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Collecting samples from '" + python + " " + script + "' (python v"
                + Interpreters.shownVersion(python) + ", pid " + target.pid() + ")");
        assertThat(lines.get(1)).matches("Total Samples \\d+");
        assertThat(lines.get(2)).matches("GIL: " + Interpreters.gilSharePattern(python)
                + ", Active: [0-9.]+% \\([0-9.]+ threads running\\),"
                + " Threads: 1");
        assertThat(lines.get(3)).isEmpty();
        assertThat(lines.get(4)).isEqualTo("    %Own  %Total *OwnTime  TotalTime  Function (filename)");
        List<TopScreenText.Row> rows = TopScreenText.rows(last);
        assertThat(rows).extracting(TopScreenText.Row::label).as(last).containsExactlyInAnyOrder(
                "fifty (shares.py)", "thirty (shares.py)", "twenty (shares.py)", "<module> (shares.py)");
        assertThat(rows).extracting(TopScreenText.Row::ownSeconds).as("sorted by OwnTime: %s", last)
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(rows.stream().mapToDouble(TopScreenText.Row::ownPercent).sum()).as(last)
                .isCloseTo(100, within(0.05));
        assertThat(target.isAlive()).isTrue();
        assertThat(ProcState.ofThreads(target.pid())).doesNotContain('t', 'T');
    }

    /**
     * The last snapshot of a {@code top} of {@code pid} run with {@code options} (its output a file in {@code work}),
     * ended by SIGINT once it printed three; checks that it ended normally.
     */
    static String lastSnapshot(Path work, long pid, String... options) throws Exception {
        Path out = work.resolve("top.out");
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", Pyspy4jJar.java(), "-jar",
                Pyspy4jJar.path().toString(), "top", "--pid", Long.toString(pid)));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(work.resolve("top.err").toFile());
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process top = builder.start();
        try {
            awaitSnapshots(top, out, 3);
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(top.pid())).start().waitFor()).isZero();
            assertThat(top.waitFor(90, TimeUnit.SECONDS)).isTrue();
        } finally {
            top.destroyForcibly();
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(top.exitValue()).as(printed).isZero();
        return printed.substring(printed.lastIndexOf("Collecting samples from"));
    }

    /** Waits until {@code top}, writing into {@code out}, has printed more than {@code count} snapshots. */
    static void awaitSnapshots(Process top, Path out, int count) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (Files.readString(out, StandardCharsets.UTF_8).split("Collecting samples from", -1).length <= count) {
            assertThat(top.isAlive()).as("top still running").isTrue();
            assertThat(System.nanoTime()).as("waiting for %d snapshots", count).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
