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
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code top} in a real terminal against every interpreter: a program that spends known shares of its time in three
 * functions shows them in that order with those shares, and q gives back the terminal as it was and leaves the
 * program running, none of its threads stopped. Run alone, one interpreter after the other, as RecordAccuracyIT: on
 * a machine busy with other tests the program gets the processor in slices, and a function that loses it keeps
 * the time until it gets it back, which skews the shares far beyond the tolerance.
 */
@EnabledOnOs(OS.LINUX)
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class TopScreenIT {
    /** A refresh interval of 2 s at 100 samples a second: one standard error of a 50 % share is 3.5 points. */
    private static final double TOLERANCE_POINTS = 15;

    private final RunningProcesses targets = new RunningProcesses();

    static List<Path> pythons() {
        return Interpreters.all();
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void showsTheHotFunctionsWithTheirSharesAndQuitsLeavingTerminalAndProcessAsTheyWere(Path python)
            throws Exception {
        Path script = Interpreters.script("shares.py");
        Process target = targets.startPython(python, script);
        String version = Interpreters.shownVersion(python);

        TmuxScreen.Ended ended;
        String shown;
        try (TmuxScreen screen = TmuxScreen.top(240, 40, "--pid", Long.toString(target.pid()), "--delay", "2")) {
            shown = screen.await("three intervals of samples", text -> TopScreenText.samples(text) >= 500
                    && TopScreenText.rows(text).size() >= 4);
            screen.keys("q");
            ended = screen.awaitEnd();
        }

        assertThat(shown).contains("Collecting samples from '" + python + " " + script + "' (python v" + version
                + ", pid " + target.pid() + ")", "Press Control-C or q to quit, or ? for help.");
        assertThat(shown).containsPattern("GIL: " + Interpreters.gilSharePattern(python)
                + ", Active: [0-9.]+% \\([0-9.]+ threads running\\),"
                + " Threads: 1\n");
        assertThat(TopScreenText.heading(shown)).isEqualTo(
                "    %Own  %Total *OwnTime  TotalTime  Function (filename)");
        List<TopScreenText.Row> rows = TopScreenText.rows(shown);
        // Sorted by OwnTime: fifty first; thirty and twenty, 10 points apart, may swap within the tolerance when
        // the machine is busy (the shares are those of the last interval, the order that of all of them).
        assertThat(rows).extracting(TopScreenText.Row::label).as(shown).hasSizeGreaterThanOrEqualTo(4)
                .startsWith("fifty (shares.py)");
        assertThat(rows.subList(1, 3)).extracting(TopScreenText.Row::label).as(shown)
                .containsExactlyInAnyOrder("thirty (shares.py)", "twenty (shares.py)");
        assertThat(rows.get(3).label()).as(shown).isEqualTo("<module> (shares.py)");
        assertThat(rows.get(0).ownPercent()).as(shown).isCloseTo(50, within(TOLERANCE_POINTS));
        assertThat(ownPercentOf(rows, "thirty (shares.py)")).as(shown).isCloseTo(30, within(TOLERANCE_POINTS));
        assertThat(ownPercentOf(rows, "twenty (shares.py)")).as(shown).isCloseTo(20, within(TOLERANCE_POINTS));
        assertThat(rows.get(3).totalPercent()).as(shown).isEqualTo(100);
        assertThat(rows.get(0).ownPercent() + rows.get(1).ownPercent() + rows.get(2).ownPercent()).as(shown)
                .isGreaterThan(90);
        assertThat(ended.status()).as(ended.screen()).isZero();
        assertThat(ended.terminalRestored()).as(ended.screen()).isTrue();
        assertThat(target.isAlive()).isTrue();
        assertThat(ProcState.ofThreads(target.pid())).as("thread states").doesNotContain('t', 'T');
    }

    private static double ownPercentOf(List<TopScreenText.Row> rows, String label) {
        return rows.stream().filter(row -> row.label().equals(label)).findFirst().orElseThrow().ownPercent();
    }
}
