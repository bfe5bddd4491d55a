// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How frames are labelled with {@code --function}, {@code --nolineno} and {@code --full-filenames}. */
@EnabledOnOs(OS.LINUX)
class RecordLabelsIT {
    private static final List<String> FUNCTIONS = List.of("fifty", "thirty", "twenty");

    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @TempDir
    Path work;

    static List<Path> pythons() {
        return Interpreters.all();
    }

    private RawProfile record(Path python, String output, String... options) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("shares.py"));
        List<String> args = new ArrayList<>(List.of("-p", Long.toString(target.pid()), "-f", "raw", "-o",
                output, "-d", "1", "-r", "200"));
        args.addAll(List.of(options));

        Pyspy4jJar.Result result = RecordRun.run(work, args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        return RawProfile.read(work.resolve(output));
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void functionWithFullFilenamesLabelsFramesWithTheFullPathAndTheFirstLine(Path python) throws Exception {
        Path script = Interpreters.script("shares.py");
        ScriptMarkers markers = ScriptMarkers.of(script);

        RawProfile profile = record(python, "function.txt", "--function", "--full-filenames");

        List<String> expected = FUNCTIONS.stream()
                .map(function -> function + " (" + script + ":" + markers.line("def-" + function) + ")").toList();
        List<String> leaves = profile.stacks().keySet().stream().map(stack -> stack.get(stack.size() - 1))
                .filter(leaf -> !leaf.startsWith("<module> (")).distinct().toList();
        // A short recording on a busy machine may miss one function; every one it has must show its first line.
        assertThat(leaves).as(profile.toString()).isNotEmpty().isSubsetOf(expected);
        assertThat(profile.labels()).as(profile.toString()).allSatisfy(label ->
                assertThat(label).contains("(" + script + ":"));
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void nolinenoLeavesLineNumbersOut(Path python) throws Exception {
        RawProfile profile = record(python, "nolineno.txt", "--nolineno");

        assertThat(profile.labels()).as(profile.toString()).contains("<module> (shares.py)")
                .isSubsetOf("<module> (shares.py)", "fifty (shares.py)", "thirty (shares.py)", "twenty (shares.py)");
    }
}
