// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a recording begins and ends, against every interpreter: a launched program keeps its terminal and is never
 * left behind, a process that exits ends the run normally, an unwritable output stops everything before it starts.
 */
@EnabledOnOs(OS.LINUX)
class RecordLifecycleIT {
    @RegisterExtension
    final PythonTargets targets = new PythonTargets();

    @TempDir
    Path work;

    static List<Path> pythons() {
        return Interpreters.all();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void aLaunchedProgramKeepsItsStandardStreamsAndItsExitStatusIsReported(Path python) throws Exception {
        Path script = Interpreters.script("launched.py");
        ScriptMarkers markers = ScriptMarkers.of(script);

        Path go = work.resolve("go");

        Pyspy4jJar.Result result;
        try (RecordRun run = RecordRun.start(work, "ping\n", "-f", "raw", "-o", "launched.txt", "--",
                python.toString(), script.toString(), "3", go.toString())) {
            run.awaitErr("Press Control-C to exit.");
            // Written just before work starts: on a loaded machine the interpreter's start-up can outlast the second
            // below, and a go file found at once would leave nothing of work to sample.
            run.awaitErr("launched writes to stderr\n");
            Thread.sleep(1_000);
            Files.createFile(go);
            result = run.finish();
        }

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.out()).as(result.describe()).isEqualTo("launched got 'ping' on stdin\n");
        assertThat(result.err()).as(result.describe()).contains("launched writes to stderr\n",
                "pyspy4j> Stopped sampling because process exited\n",
                "pyspy4j> Wrote raw flamegraph data to 'launched.txt'. Samples: ",
                "pyspy4j> '" + python + "' exited with status 3\n");
        RawProfile profile = RawProfile.read(work.resolve("launched.txt"));
        assertThat(profile.count(stack -> stack.size() >= 2
                && stack.get(0).equals("<module> (launched.py:" + markers.line("call-work") + ")")
                && stack.get(1).equals("work (launched.py:" + markers.line("work") + ")")))
                .as(profile.toString()).isPositive();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void aLaunchedProgramStillRunningWhenSamplingEndsIsStopped(Path python) throws Exception {
        String token = "still-running-" + UUID.randomUUID();

        // The duration counts from pyspy4j's start (its first half second at most), the interpreter's start-up
        // (site, .pth files) included: ten seconds leave the program time to reach its work on a loaded machine,
        // where the free-threaded 3.13t took from 0.2 to 4.7 s to start (unsampled, beside a full test run).
        Pyspy4jJar.Result result = RecordRun.run(work, "-f", "raw", "-o", "stopped.txt", "-d", "10", "--",
                python.toString(), Interpreters.script("busy_then_exit.py").toString(), "600", "0", "", token);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.out()).as(result.describe()).isEqualTo("ready\n");
        assertThat(result.err()).as(result.describe()).contains("pyspy4j> Stopped sampling after 10 s\n",
                "pyspy4j> Stopped '" + python + "', which was still running\n");
        assertThat(result.err()).as("the shell around the program says nothing").doesNotContain("Terminated");
        assertThat(ProcessHandle.allProcesses().filter(process -> process.info().arguments()
                .map(args -> List.of(args).contains(token)).orElse(false))).as("processes left behind").isEmpty();
        assertThat(RawProfile.read(work.resolve("stopped.txt")).withLeaf("work")).isPositive();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void aProcessExitingMidRunEndsItNormallyWithTheFileWritten(Path python) throws Exception {
        Path stopFile = work.resolve("stop");
        Process target = targets.startPython(python, Interpreters.script("busy_then_exit.py"), "600", "0",
                stopFile.toString());

        Pyspy4jJar.Result result;
        try (RecordRun run = RecordRun.start(work, "", "-p", Long.toString(target.pid()), "-f", "raw", "-o",
                "exits.txt", "-d", "600")) {
            run.awaitErr("Press Control-C to exit.");
            Thread.sleep(1_000);
            Files.createFile(stopFile);
            result = run.finish();
        }

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.err()).as(result.describe()).contains("pyspy4j> Stopped sampling because process exited\n",
                "pyspy4j> Wrote raw flamegraph data to 'exits.txt'. Samples: ");
        assertThat(work.resolve("exits.txt")).isRegularFile();
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void anUnwritableOutputFailsBeforeAnythingStarts(Path python) throws Exception {
        Process target = targets.startPython(python, Interpreters.script("busy_then_exit.py"), "600");
        Path ran = work.resolve("ran");

        Pyspy4jJar.Result attached = RecordRun.run(work, "-p", Long.toString(target.pid()), "-o",
                "/sys/pyspy4j-profile.svg");
        Pyspy4jJar.Result launched = RecordRun.run(work, "-o", "missing/profile.svg", "--", "touch", ran.toString());

        assertThat(attached.exitCode()).as(attached.describe()).isEqualTo(1);
        assertThat(attached.err()).isEqualTo("pyspy4j record: cannot write '/sys/pyspy4j-profile.svg': permission"
                + " denied\n");
        assertThat(launched.exitCode()).as(launched.describe()).isEqualTo(1);
        assertThat(launched.err()).isEqualTo("pyspy4j record: cannot write 'missing/profile.svg': no such directory '"
                + work.resolve("missing") + "'\n");
        assertThat(ran).as("the program was never started").doesNotExist();
        assertThat(work.resolve("missing")).doesNotExist();
        assertThat(ProcState.of(target.pid())).isNotIn('t', 'T');
    }

    @Test
    void aProgramThatCannotBeFoundIsReportedBeforeAnythingStarts() throws Exception {
        Pyspy4jJar.Result result = RecordRun.run(work, "-o", "none.svg", "--", "pyspy4j-no-such-program", "x");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("pyspy4j record: cannot run 'pyspy4j-no-such-program': not found on the"
                + " PATH\n");
    }

    @Test
    void aProgramThatEndsBeforeItCanBeSampledIsReportedWithItsStatus() throws Exception {
        Pyspy4jJar.Result result = RecordRun.run(work, "-o", "none.svg", "--", "sh", "-c", "exit 5");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("pyspy4j> Wrote flamegraph data to 'none.svg', with no samples\n"
                + "pyspy4j record: 'sh' exited with status 5 before it could be sampled\n");
        assertThat(work.resolve("none.svg")).as("an empty flame graph").isRegularFile();
    }

    @Test
    void aProgramThatIsNotPythonFailsAndIsStopped() throws Exception {
        // A unique sleep length: the shell ($0) and the sleep it starts both carry it in their arguments.
        String token = "600." + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000);

        Pyspy4jJar.Result result = RecordRun.run(work, "-o", "none.svg", "--", "sh", "-c", "sleep $0; :", token);

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.err()).startsWith("pyspy4j record: process ")
                .contains("') is not running Python: no Python interpreter was found in it\n")
                .as("what was looked for shows only with --verbose").doesNotContain("_PyRuntime");
        assertThat(ProcessHandle.allProcesses().filter(process -> process.info().arguments()
                .map(args -> List.of(args).contains(token)).orElse(false))).as("processes left behind").isEmpty();
    }
}
