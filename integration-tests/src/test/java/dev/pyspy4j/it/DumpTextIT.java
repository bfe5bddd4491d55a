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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dump} of real processes on every interpreter: every frame, file and line, exactly. The targets only sleep,
 * so one process per interpreter and script serves every test of the class.
 */
@EnabledOnOs(OS.LINUX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DumpTextIT {
    private static final String NON_ASCII_SCRIPT = "ünïcödé_名前.py";

    @RegisterExtension
    final SharedTargets targets = new SharedTargets();
    private final Path nested = Interpreters.script("nested.py");
    private final Path recursion = Interpreters.script("recursion.py");
    private final Path nonAscii = Interpreters.script(NON_ASCII_SCRIPT);

    List<Path> pythons() {
        return Interpreters.all();
    }

    @BeforeAll
    void startTargets() {
        targets.startForEach(pythons(), nested);
        targets.startForEach(pythons(), recursion);
        targets.startForEach(pythons(), nonAscii);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void nestedCallsAreDumpedExactly(Path python) throws Exception {
        ScriptMarkers markers = ScriptMarkers.of(nested);
        Process target = targets.get(python, nested);

        Pyspy4jJar.Result result = DumpCli.dump(target);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("Process " + target.pid() + ": " + python + " " + nested + "\n"
                + "Python v" + Interpreters.versionOf(python) + " (" + Interpreters.executableOf(python) + ")\n"
                + "\n"
                + "Thread " + target.pid() + " (idle): \"MainThread\"\n"
                + "    level_three (nested.py:" + markers.line("level_three") + ")\n"
                + "    level_two (nested.py:" + markers.line("level_two") + ")\n"
                + "    level_one (nested.py:" + markers.line("level_one") + ")\n"
                + "    <module> (nested.py:" + markers.line("<module>") + ")\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void fullFilenamesShowThePaths(Path python) throws Exception {
        ScriptMarkers markers = ScriptMarkers.of(nested);

        Pyspy4jJar.Result result = DumpCli.dump(targets.get(python, nested), "--full-filenames");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.out()).endsWith("    <module> (" + nested + ":" + markers.line("<module>") + ")\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void nonblockingReadsTheSameStack(Path python) throws Exception {
        ScriptMarkers markers = ScriptMarkers.of(nested);
        Process target = targets.get(python, nested);

        Pyspy4jJar.Result result = DumpCli.run(List.of(),
                List.of("dump", "-p", "0x" + Long.toHexString(target.pid()), "--nonblocking"));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(DumpText.threads(result.out())).singleElement().satisfies(thread -> assertThat(thread.frames())
                .containsExactly(new DumpedFrame("level_three", "nested.py", markers.line("level_three")),
                        new DumpedFrame("level_two", "nested.py", markers.line("level_two")),
                        new DumpedFrame("level_one", "nested.py", markers.line("level_one")),
                        new DumpedFrame("<module>", "nested.py", markers.line("<module>"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void recursionSixHundredDeepIsComplete(Path python) throws Exception {
        ScriptMarkers markers = ScriptMarkers.of(recursion);

        Pyspy4jJar.Result result = DumpCli.dump(targets.get(python, recursion));

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void namesOutsideAsciiArePrintedAsTheyAre(Path python) throws Exception {
        ScriptMarkers markers = ScriptMarkers.of(nonAscii);
        Process target = targets.get(python, nonAscii);

        Pyspy4jJar.Result result = DumpCli.dump(target);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.out()).startsWith("Process " + target.pid() + ": " + python + " " + nonAscii + "\n")
                .endsWith("Thread " + target.pid() + " (idle): \"MainThread\"\n"
                        + "    関数 (" + NON_ASCII_SCRIPT + ":" + markers.line("関数") + ")\n"
                        + "    метод (" + NON_ASCII_SCRIPT + ":" + markers.line("метод") + ")\n"
                        + "    <module> (" + NON_ASCII_SCRIPT + ":" + markers.line("<module>") + ")\n");
    }
}
