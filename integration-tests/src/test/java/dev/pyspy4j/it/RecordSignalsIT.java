// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SIGINT (Control-C) and SIGTERM end a recording normally, against every interpreter: the file is written, the exit
 * code is 0, and the process recorded keeps running, none of its threads left stopped by ptrace.
 */
@EnabledOnOs(OS.LINUX)
class RecordSignalsIT {
    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    static Stream<Arguments> pythonsAndSignals() {
        return Interpreters.all().stream().flatMap(python -> Stream.of(
                Arguments.of(python, "INT", "Control-C pressed"), Arguments.of(python, "TERM", "SIGTERM received")));
    }

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest(name = "{0} SIG{1}")
    @MethodSource("pythonsAndSignals")
    void aSignalEndsTheRecordingWithTheFileWrittenAndTheProcessRunning(Path python, String signal, String reason)
            throws Exception {
        Process target = targets.startPython(python, Interpreters.script("spin_and_sleep.py"));

        Pyspy4jJar.Result result;
        try (RecordRun run = RecordRun.start(work, "", "-p", Long.toString(target.pid()), "-f", "raw", "-o",
                "signalled.txt", "-r", "500")) {
            run.awaitErr("Press Control-C to exit.");
            // Let samples accumulate, with the target paused hundreds of times a second, then interrupt.
            Thread.sleep(1_000);
            run.signal(signal);
            result = run.finish();
        }

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).as(result.describe()).contains("pyspy4j> Stopped sampling because " + reason + "\n",
                "pyspy4j> Wrote raw flamegraph data to 'signalled.txt'. Samples: ");
        assertThat(RawProfile.read(work.resolve("signalled.txt")).withLeaf("spin")).isPositive();
        assertThat(target.isAlive()).isTrue();
        assertThat(ProcState.ofThreads(target.pid())).as("thread states").hasSize(3).doesNotContain('t', 'T');
    }
}
