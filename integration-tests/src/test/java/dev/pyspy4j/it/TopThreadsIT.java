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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code top}'s percentages mean with several threads, in a real terminal, on pyenv's and Debian's 3.11: one
 * thread spins and two sleep. Idle threads are left out unless {@code --idle}; with it each of the three threads is
 * a third of the thread time, so the own shares still add up to 100 %.
 */
@EnabledOnOs(OS.LINUX)
class TopThreadsIT {
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
    void eachThreadIsItsShareOfTheThreadTime(Path python) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("spin_and_sleep.py"));

        String busyOnly;
        String withIdle;
        try (TmuxScreen screen = TmuxScreen.top(120, 30, "--pid", Long.toString(target.pid()))) {
            busyOnly = screen.await("the spinning thread", text -> TopScreenText.samples(text) >= 150
                    && TopScreenText.row(text, "spin").isPresent());
            screen.keys("q");
            assertThat(screen.awaitEnd().status()).isZero();
        }
        try (TmuxScreen screen = TmuxScreen.top(120, 30, "--pid", Long.toString(target.pid()), "--idle")) {
            withIdle = screen.await("three threads", text -> TopScreenText.samples(text) >= 150
                    && TopScreenText.rows(text).size() >= 3);
            screen.keys("q");
            assertThat(screen.awaitEnd().status()).isZero();
        }

        assertThat(TopScreenText.rows(busyOnly).get(0)).as(busyOnly).satisfies(row -> {
            assertThat(row.label()).isEqualTo("spin (spin_and_sleep.py)");
            assertThat(row.ownPercent()).isGreaterThanOrEqualTo(95);
        });
        assertThat(busyOnly).contains("Threads: 3");
        for (String function : List.of("spin", "sleeper", "<module>")) {
            assertThat(TopScreenText.row(withIdle, function)).as(withIdle).hasValueSatisfying(row ->
                    assertThat(row.ownPercent()).isCloseTo(100.0 / 3, within(3.0)));
        }
        assertThat(TopScreenText.rows(withIdle).stream().mapToDouble(TopScreenText.Row::ownPercent).sum())
                .as(withIdle).isCloseTo(100, within(0.05));
        assertThat(ProcState.ofThreads(target.pid())).doesNotContain('t', 'T');
    }
}
