// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGINT and SIGTERM end a recording even when pyspy4j started with them ignored, as a background job of a shell
 * script starts with SIGINT ignored: the JVM alone would install no handler and the signal would be lost, the
 * recording running on to its duration (or for ever without one).
 */
@EnabledOnOs(OS.LINUX)
class RecordIgnoredSignalsIT {
    /** Far longer than the test waits before signalling, so that ending before it proves the signal worked. */
    private static final String DURATION_SECONDS = "600";

    private final RunningProcesses targets = new RunningProcesses();

    @TempDir
    Path work;

    @AfterEach
    void killTargets() throws InterruptedException {
        targets.killAll();
    }

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"INT, Control-C pressed", "TERM, SIGTERM received"})
    void anInheritedIgnoredSignalStillEndsTheRecordingWithTheFileWritten(String signal, String reason)
            throws Exception {
        Process target = targets.startPython(Interpreters.python311().get(0), Interpreters.script("spin_and_sleep.py"));

        Pyspy4jJar.Result result;
        try (RecordRun run = RecordRun.startWithStopSignalsIgnored(work, "-p", Long.toString(target.pid()),
                "-f", "raw", "-o", "signalled.txt", "-d", DURATION_SECONDS)) {
            run.awaitErr("Press Control-C to exit.");
            Thread.sleep(2_000);
            run.signal(signal);
            result = run.finish();
        }

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).as(result.describe())
                .contains("pyspy4j> Stopped sampling because " + reason + "\n",
                        "pyspy4j> Wrote raw flamegraph data to 'signalled.txt'. Samples: ");
        assertThat(RawProfile.read(work.resolve("signalled.txt")).withLeaf("spin")).isPositive();
        assertThat(target.isAlive()).isTrue();
    }
}
