// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code record} against every interpreter: a program that spends known shares of its wall time in three functions
 * gets a profile with those shares, and the exact frames. Run alone, one interpreter after the other: on a machine
 * busy with other tests, a blocking sampler gets a fraction of the samples it asks for, too few to tell shares
 * apart within the tolerance.
 */
@EnabledOnOs(OS.LINUX)
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class RecordAccuracyIT {
    /** At about 1000 samples a second for two seconds, one standard error of a 50 % share is under 1.5 points. */
    private static final double TOLERANCE_POINTS = 5.0;

    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    static List<Path> pythons() {
        return Interpreters.all();
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void sharesOfTheProfileAreSharesOfTheTimeSpent(Path python) throws Exception {
        Path script = Interpreters.script("shares.py");
        ScriptMarkers markers = ScriptMarkers.of(script);
        Process target = targets.startPython(python, script);

        Pyspy4jJar.Result result = RecordRun.run(work, "-p", Long.toString(target.pid()), "-f", "raw", "-o",
                "shares.txt", "-r", "1000", "-d", "2");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).contains("pyspy4j> Stopped sampling after 2 s\n",
                "pyspy4j> Wrote raw flamegraph data to 'shares.txt'. Samples: ");
        RawProfile profile = RawProfile.read(work.resolve("shares.txt"));
        for (String function : List.of("fifty", "thirty", "twenty")) {
            assertThat(profile.stacks()).as(profile.toString()).containsKey(List.of(
                    "<module> (shares.py:" + markers.line("call-" + function) + ")",
                    function + " (shares.py:" + markers.line(function) + ")"));
        }
        long fifty = profile.withLeaf("fifty");
        long thirty = profile.withLeaf("thirty");
        long twenty = profile.withLeaf("twenty");
        double total = fifty + thirty + twenty;
        assertThat(total).as("samples in the three functions").isGreaterThan(100);
        assertThat(100 * fifty / total).as(profile.toString()).isCloseTo(50, within(TOLERANCE_POINTS));
        assertThat(100 * thirty / total).as(profile.toString()).isCloseTo(30, within(TOLERANCE_POINTS));
        assertThat(100 * twenty / total).as(profile.toString()).isCloseTo(20, within(TOLERANCE_POINTS));
    }
}
