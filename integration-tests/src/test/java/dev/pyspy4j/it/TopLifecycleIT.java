// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How {@code top} ends in a real terminal, on pyenv's 2.7 and 3.11 and Debian's 3.11: SIGTERM, the process exiting,
 * and a launched program, which is stopped on q and whose output is shown only when it fails. Every end gives the
 * terminal back in its usual modes, and leaves no process stopped.
 */
@EnabledOnOs(OS.LINUX)
class TopLifecycleIT {
    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    static List<Path> pythons() {
        return List.of(Interpreters.pyenv("2.7"), Interpreters.pyenv("3.11"), Interpreters.debian("3.11"));
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void sigtermEndsTopLikeQuitting(Path python) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("shares.py"));

        TmuxScreen.Ended ended;
        try (TmuxScreen screen = TmuxScreen.top(120, 30, "--pid", Long.toString(target.pid()), "-r", "500")) {
            screen.await("the table", text -> TopScreenText.row(text, "fifty").isPresent());
            Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(screen.command().pid())).start();
            assertThat(kill.waitFor()).isZero();
            ended = screen.awaitEnd();
        }

        assertThat(ended.status()).as(ended.screen()).isZero();
        assertThat(ended.terminalRestored()).as(ended.screen()).isTrue();
        assertThat(target.isAlive()).isTrue();
        assertThat(ProcState.ofThreads(target.pid())).as("thread states").doesNotContain('t', 'T');
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void theProcessExitingEndsTopAndSaysSo(Path python) throws Exception {
        Path stop = work.resolve("stop");
        Process target = targets.startPython(python, Interpreters.script("busy_then_exit.py"), "600", "0",
                stop.toString());

        TmuxScreen.Ended ended;
        try (TmuxScreen screen = TmuxScreen.top(120, 30, "--pid", Long.toString(target.pid()))) {
            screen.await("the table", text -> TopScreenText.row(text, "work").isPresent());
            Files.createFile(stop);
            ended = screen.awaitEnd();
        }

        assertThat(ended.status()).as(ended.screen()).isZero();
        assertThat(ended.screen()).contains("pyspy4j> Stopped sampling because process exited\n");
        assertThat(ended.terminalRestored()).as(ended.screen()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void aLaunchedProgramIsShownAndStoppedOnQuit(Path python) throws Exception {
        String token = "top-launched-" + UUID.randomUUID();

        TmuxScreen.Ended ended;
        try (TmuxScreen screen = TmuxScreen.top(120, 30, "--", python.toString(),
                Interpreters.script("shares.py").toString(), token)) {
            String shown = screen.await("the table", text -> TopScreenText.row(text, "fifty").isPresent());
            assertThat(shown).as("the program's own output is kept aside").doesNotContain("ready");
            screen.keys("q");
            ended = screen.awaitEnd();
        }

        assertThat(ended.status()).as(ended.screen()).isZero();
        assertThat(ended.screen()).contains("pyspy4j> Stopped '" + python + "', which was still running\n");
        assertThat(ended.terminalRestored()).as(ended.screen()).isTrue();
        assertThat(ProcessHandle.allProcesses().filter(process -> process.info().arguments()
                .map(args -> List.of(args).contains(token)).orElse(false))).as("processes left behind").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void theOutputOfALaunchedProgramThatFailsIsShownAfterwards(Path python) throws Exception {
        TmuxScreen.Ended ended;
        try (TmuxScreen screen = TmuxScreen.top(120, 30, "--", python.toString(), "-c", "import sys, time;"
                + " time.sleep(2); sys.stderr.write('went wrong\\n'); sys.exit(3)")) {
            ended = screen.awaitEnd();
        }

        assertThat(ended.status()).as(ended.screen()).isZero();
        assertThat(ended.screen()).contains("pyspy4j> Stopped sampling because process exited\n",
                "pyspy4j> '" + python + "' exited with status 3\nwent wrong\n");
        assertThat(ended.terminalRestored()).as(ended.screen()).isTrue();
    }
}
