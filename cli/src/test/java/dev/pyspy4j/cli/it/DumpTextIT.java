// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.cli.it.DumpText.DumpedFrame;
import dev.pyspy4j.cli.it.DumpText.DumpedThread;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code dump} of real CPython 3.11 processes: every frame, file and line, exactly. */
@EnabledOnOs(OS.LINUX)
class DumpTextIT {
    private final RunningProcesses targets = new RunningProcesses();

    static List<Path> pythons() {
        return Interpreters.python311();
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void nestedCallsAreDumpedExactly(Path python) throws Exception {
        Path script = Interpreters.script("nested.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);

        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--pid", Long.toString(target.pid()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("Process " + target.pid() + ": " + python + " " + script + "\n"
                + "Python v" + Interpreters.versionOf(python) + " (" + Interpreters.executableOf(python) + ")\n"
                + "\n"
                + "Thread " + target.pid() + " (idle): \"MainThread\"\n"
                + "    level_three (nested.py:" + markers.line("level_three") + ")\n"
                + "    level_two (nested.py:" + markers.line("level_two") + ")\n"
                + "    level_one (nested.py:" + markers.line("level_one") + ")\n"
                + "    <module> (nested.py:" + markers.line("<module>") + ")\n");
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void fullFilenamesShowThePaths(Path python) throws Exception {
        Path script = Interpreters.script("nested.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);

        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "-p", Long.toString(target.pid()), "--full-filenames");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.out()).endsWith("    <module> (" + script + ":" + markers.line("<module>") + ")\n");
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void nonblockingReadsTheSameStack(Path python) throws Exception {
        Path script = Interpreters.script("nested.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);

        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "-p", "0x" + Long.toHexString(target.pid()),
                "--nonblocking");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(DumpText.threads(result.out())).singleElement().satisfies(thread -> assertThat(thread.frames())
                .containsExactly(new DumpedFrame("level_three", "nested.py", markers.line("level_three")),
                        new DumpedFrame("level_two", "nested.py", markers.line("level_two")),
                        new DumpedFrame("level_one", "nested.py", markers.line("level_one")),
                        new DumpedFrame("<module>", "nested.py", markers.line("<module>"))));
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void recursionSixHundredDeepIsComplete(Path python) throws Exception {
        Path script = Interpreters.script("recursion.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);

        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--pid", Long.toString(target.pid()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        List<DumpedFrame> expected = new ArrayList<>();
        expected.add(new DumpedFrame("recurse", "recursion.py", markers.line("recurse-leaf")));
        expected.addAll(Collections.nCopies(600, new DumpedFrame("recurse", "recursion.py", markers.line("recurse"))));
        expected.add(new DumpedFrame("<module>", "recursion.py", markers.line("<module>")));
        List<DumpedThread> threads = DumpText.threads(result.out());
        assertThat(threads).singleElement().satisfies(thread -> {
            assertThat(thread.name()).isEqualTo("MainThread");
            assertThat(thread.frames()).containsExactlyElementsOf(expected);
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void namesOutsideAsciiArePrintedAsTheyAre(Path python) throws Exception {
        Path script = Interpreters.script("ünïcödé_名前.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);

        Pyspy4jJar.Result result = Pyspy4jJar.run("dump", "--pid", Long.toString(target.pid()));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.out()).endsWith("Thread " + target.pid() + " (idle): \"MainThread\"\n"
                + "    関数 (ünïcödé_名前.py:" + markers.line("関数") + ")\n"
                + "    метод (ünïcödé_名前.py:" + markers.line("метод") + ")\n"
                + "    <module> (ünïcödé_名前.py:" + markers.line("<module>") + ")\n");
    }
}
