// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.fakes.CollapsedFormat;
import dev.pyspy4j.engine.fakes.FakeProviders;
import dev.pyspy4j.engine.fakes.FakeTarget;
import dev.pyspy4j.engine.sampling.StopReason;
import dev.pyspy4j.engine.sampling.StopSignal;
import dev.pyspy4j.spi.AccessDenial;
import dev.pyspy4j.spi.PermissionDeniedException;
import dev.pyspy4j.spi.python.LineNumbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pyspy4j record} end to end over fake providers and a fake clock (a ten-second recording takes no time):
 * the file it writes, what it asked of the target, and every line it prints.
 */
class RecordCommandTest {
    private static final String PYTHON = "/root/.pyenv/versions/3.11.7/bin/python3.11";

    @TempDir
    Path root;

    private final CollapsedFormat collapsed = new CollapsedFormat("collapsed");

    private FakeTarget.Builder busyAndSleeping() {
        return FakeTarget.pid(6685).commandLine(PYTHON, "t.py").executable(PYTHON).root(root)
                .traces(thread(6685, 0x7f00_0000_1000L, "BusyWorker", 6687, true, true,
                                frame("spin", "/tmp/t.py", 4), frame("run", "/usr/lib/python3.11/threading.py", 975)),
                        thread(6685, 0x7f00_0000_2000L, "MainThread", 6685, false, false,
                                frame("sleeper", "/tmp/t.py", 13), frame("<module>", "/tmp/t.py", 16)));
    }

    private FakeProviders world(FakeTarget target) {
        return new FakeProviders().with(target).withFormat(collapsed).withFormat(new CollapsedFormat("flamegraph"));
    }

    private String out() {
        return root.resolve("out.txt").toString();
    }

    private CliRunner.Result record(FakeProviders world, String... options) {
        List<String> args = new ArrayList<>(List.of("record", "-p", "6685", "-f", "collapsed", "-o", out()));
        args.addAll(List.of(options));
        return new CliRunner(world.providers()).run(args.toArray(String[]::new));
    }

    private String written() throws IOException {
        return Files.readString(root.resolve("out.txt"));
    }

    @Test
    void recordsTheRunningThreadsForTheDurationAndSaysWhatItWrote() throws IOException {
        FakeTarget target = busyAndSleeping().build();

        CliRunner.Result result = record(world(target), "-d", "1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(written()).isEqualTo("run (threading.py:975);spin (t.py:4) 99\n");
        assertThat(result.err()).isEqualTo("""
                pyspy4j> Sampling process 100 times a second for 1 seconds. Press Control-C to exit.
                pyspy4j> Stopped sampling after 1 s
                pyspy4j> Wrote collapsed data to '%s'. Samples: 99 stacks in 99 rounds (99.0 rounds/s of 100 asked), \
                errors: 0
                pyspy4j> Open it with a text editor
                """.formatted(out()));
        assertThat(target.closeCount()).as("detached").isEqualTo(1);
    }

    @Test
    void pausesTheTargetAndAsksForCurrentLinesWithTheActivityProbe() {
        FakeProviders world = world(busyAndSleeping().build());

        record(world, "-d", "1");

        assertThat(world.requests()).hasSize(99).allSatisfy(request -> {
            assertThat(request.pauseTarget()).isTrue();
            assertThat(request.lineNumbers()).isEqualTo(LineNumbers.CURRENT);
            assertThat(request.gilOnly()).isFalse();
            assertThat(request.localsBudget()).isZero();
            assertThat(request.activity()).isSameAs(world.probes().get(0));
        });
        assertThat(world.probes()).singleElement().satisfies(probe -> assertThat(probe.closeCount()).isOne());
    }

    @Test
    void idleKeepsTheSleepingThreadsToo() throws IOException {
        CliRunner.Result result = record(world(busyAndSleeping().build()), "-d", "1", "--idle");

        assertThat(written()).isEqualTo("""
                <module> (t.py:16);sleeper (t.py:13) 99
                run (threading.py:975);spin (t.py:4) 99
                """);
        assertThat(result.err()).contains("Samples: 198 stacks in 99 rounds (99.0 rounds/s of 100 asked), errors: 0\n");
    }

    @Test
    void gilReadsOnlyTheGilHolderWithoutAnActivityProbe() throws IOException {
        FakeProviders world = world(busyAndSleeping().build());

        record(world, "-d", "1", "--gil", "--idle");

        assertThat(world.requests()).allSatisfy(request -> {
            assertThat(request.gilOnly()).isTrue();
            assertThat(request.activity()).isNull();
        });
        assertThat(world.probes()).isEmpty();
        assertThat(written()).isEqualTo("run (threading.py:975);spin (t.py:4) 99\n");
    }

    @Test
    void threadsRootEachStackInItsThread() throws IOException {
        record(world(busyAndSleeping().build()), "-d", "1", "-t", "-i");

        assertThat(written()).isEqualTo("""
                thread (6685): MainThread;<module> (t.py:16);sleeper (t.py:13) 99
                thread (6687): BusyWorker;run (threading.py:975);spin (t.py:4) 99
                """);
    }

    @Test
    void functionAsksForFirstLines() {
        FakeProviders world = world(busyAndSleeping().build());

        record(world, "-d", "1", "--function");

        assertThat(world.requests()).allSatisfy(request ->
                assertThat(request.lineNumbers()).isEqualTo(LineNumbers.FUNCTION_START));
        assertThat(collapsed.settings()).singleElement().satisfies(settings ->
                assertThat(settings.lineNumbers()).isTrue());
    }

    @Test
    void nolinenoAsksForNoLinesAndTellsTheFormat() throws IOException {
        FakeProviders world = world(busyAndSleeping().build());

        record(world, "-d", "1", "--nolineno");

        assertThat(world.requests()).allSatisfy(request ->
                assertThat(request.lineNumbers()).isEqualTo(LineNumbers.NONE));
        assertThat(collapsed.settings()).singleElement().satisfies(settings ->
                assertThat(settings.lineNumbers()).isFalse());
        assertThat(written()).isEqualTo("run (threading.py);spin (t.py) 99\n");
    }

    @Test
    void nonblockingDoesNotPause() {
        FakeProviders world = world(busyAndSleeping().build());

        record(world, "-d", "1", "--nonblocking");

        assertThat(world.requests()).allSatisfy(request -> assertThat(request.pauseTarget()).isFalse());
    }

    @Test
    void fullFilenamesKeepThePaths() throws IOException {
        record(world(busyAndSleeping().build()), "-d", "1", "--full-filenames");

        assertThat(written()).isEqualTo("run (/usr/lib/python3.11/threading.py:975);spin (/tmp/t.py:4) 99\n");
    }

    @Test
    void theFormatLearnsTheTitleRateAndProducerAndGetsTimestamps() {
        record(world(busyAndSleeping().build()), "-d", "1", "-r", "250");

        assertThat(collapsed.settings()).singleElement().satisfies(settings -> {
            assertThat(settings.title()).isEqualTo("pyspy4j record -p 6685 -f collapsed -o " + out() + " -d 1 -r 250");
            assertThat(settings.sampleRate()).isEqualTo(250);
            assertThat(settings.producer()).isEqualTo("pyspy4j " + System.getProperty("pyspy4j.version"));
        });
        assertThat(collapsed.timestamps()).hasSize(249).startsWith(4_000_000L, 8_000_000L, 12_000_000L);
    }

    @Test
    void theFormatIsChosenWithoutRegardToCase() throws IOException {
        CliRunner.Result result = new CliRunner(world(busyAndSleeping().build()).providers())
                .run("record", "-p", "6685", "-f", "COLLAPSED", "-o", out(), "-d", "1");

        assertThat(result.exitCode()).isZero();
        assertThat(written()).isNotEmpty();
    }

    @Test
    void flamegraphIsTheDefaultFormat() {
        CliRunner.Result result = new CliRunner(world(busyAndSleeping().build()).providers())
                .run("record", "-p", "6685", "-o", out(), "-d", "1");

        assertThat(result.err()).contains("Wrote flamegraph data to '" + out() + "'");
    }

    @Test
    void endsNormallyWhenTheProcessExits() throws IOException {
        FakeTarget target = busyAndSleeping().exitingAfterSamples(5).build();

        CliRunner.Result result = record(world(target));

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("pyspy4j> Sampling process 100 times a second. Press Control-C to exit.\n",
                "pyspy4j> Stopped sampling because process exited\n", "Samples: 5 stacks in 5 rounds");
        assertThat(written()).isEqualTo("run (threading.py:975);spin (t.py:4) 5\n");
        assertThat(target.closeCount()).isEqualTo(1);
    }

    @Test
    void failedSamplesAreCountedAsErrorsAndSamplingGoesOn() throws IOException {
        CliRunner.Result result = record(world(busyAndSleeping().failingAtSamples(3, 4, 50).build()), "-d", "1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("Samples: 96 stacks in 99 rounds (99.0 rounds/s of 100 asked), errors: 3"
                + " (unreadable memory: 3)\n");
        assertThat(written()).isEqualTo("run (threading.py:975);spin (t.py:4) 96\n");
    }

    @Test
    void verboseSaysWhySamplesFailed() {
        CliRunner.Result result = record(world(busyAndSleeping().failingAtSamples(3).build()), "-d", "1",
                "--verbose");

        assertThat(result.err()).contains("pyspy4j record: warning: failed to sample process 6685: torn read at"
                + " sample 3\n");
    }

    @Test
    void aRunWhoseEverySampleFailedWritesTheFileThenSaysWhyAndExitsWithOne() {
        AccessDenial traced = new AccessDenial(true, true, OptionalInt.empty(), false, OptionalLong.of(4242));
        CliRunner.Result result = record(world(busyAndSleeping().failingToSample(new PermissionDeniedException(
                "cannot pause process 6685: it is already traced by process 4242 (a debugger or another profiler)",
                null, traced, null)).build()), "-d", "1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(Files.exists(Path.of(out()))).as("file written").isTrue();
        assertThat(result.err()).contains("Samples: 0 stacks in 99 rounds (99.0 rounds/s of 100 asked), errors: 99"
                + " (traced by process 4242: 99)\n");
        assertThat(result.err()).endsWith("pyspy4j record: every sample failed: cannot pause process 6685: it is"
                + " already traced by process 4242 (a debugger or another profiler); try --nonblocking, which reads"
                + " the process without pausing it, or detach the debugger (process 4242) first\n");
    }

    @Test
    void aRunWithSomeSuccessfulSamplesIsASuccessWhateverFailed() {
        CliRunner.Result result = record(world(busyAndSleeping().failingAtSamples(0, 1, 2).build()), "-d", "1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).doesNotContain("every sample failed");
    }

    @Test
    void theInterpretersWarningsAreShown() {
        CliRunner.Result result = record(world(busyAndSleeping()
                .warnings("python 3.15.0a1 is newer than any tested version").build()), "-d", "1");

        assertThat(result.err()).startsWith("pyspy4j record: warning: python 3.15.0a1 is newer than any tested"
                + " version\npyspy4j> Sampling process");
    }

    @Test
    void samplingSlowerThanAskedWarnsAndReportsTheRateAchieved() {
        CliRunner runner = new CliRunner(null);
        FakeTarget target = busyAndSleeping().onSample(index -> runner.clock().advance(25_000_000L)).build();
        runner.providersFrom(world(target).providers());

        CliRunner.Result result = runner.run("record", "-p", "6685", "-f", "collapsed", "-o", out(), "-d", "3");

        assertThat(result.exitCode()).isZero();
        // A read every 25 ms is 40 a second; the windows are cut at samples, so they last a little over a second.
        assertThat(result.err()).containsOnlyOnce("sampling fell behind").containsPattern("pyspy4j record: warning:"
                + " sampling fell behind: (39|40)\\.\\d rounds/s of 100 asked in the last second, results may be"
                + " inaccurate; try reducing the sampling rate\n");
        assertThat(result.err()).contains("(39.9 rounds/s of 100 asked)");
    }

    @Test
    void aStopFromOutsideEndsTheRunWithTheFileWritten() throws IOException {
        AtomicReference<StopSignal> signal = new AtomicReference<>();
        FakeTarget target = busyAndSleeping().onSample(index -> {
            if (index == 6) {
                signal.get().request(StopReason.INTERRUPTED);
            }
        }).build();
        CliRunner runner = new CliRunner(world(target).providers()).stopTriggers(stop -> {
            signal.set(stop);
            return () -> { };
        });

        CliRunner.Result result = runner.run("record", "-p", "6685", "-f", "collapsed", "-o", out());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("pyspy4j> Stopped sampling because Control-C pressed\n",
                "Samples: 7 stacks in 7 rounds ");
        assertThat(written()).isEqualTo("run (threading.py:975);spin (t.py:4) 7\n");
        assertThat(target.closeCount()).isEqualTo(1);
    }

    @Test
    void aStatusLineOnATerminal() {
        CliRunner.Result result = new CliRunner(world(busyAndSleeping().build()).providers()).stderrOnTerminal()
                .environment(Map.of("NO_COLOR", "1"))
                .run("record", "-p", "6685", "-f", "collapsed", "-o", out(), "-d", "2");

        // Drawn at the first sample (10 ms), then every 200 ms; cleared before the next line.
        assertThat(result.err()).contains("\r\u001b[Kpyspy4j> Sampling: 0.0 s / 2 s, 1 stacks, 0 errors"
                + "\r\u001b[Kpyspy4j> Sampling: 0.2 s / 2 s, 21 stacks, 0 errors",
                "\r\u001b[Kpyspy4j> Sampling: 1.8 s / 2 s, 181 stacks, 0 errors\r\u001b[Kpyspy4j> Stopped sampling");
    }

    @Test
    void thePrefixIsColouredOnATerminalUnlessNoColorIsSet() {
        CliRunner.Result result = new CliRunner(world(busyAndSleeping().build()).providers()).stderrOnTerminal()
                .run("record", "-p", "6685", "-f", "collapsed", "-o", out(), "-d", "1", "--hideprogress");

        assertThat(result.err()).contains("\u001b[32m\u001b[1mpyspy4j>\u001b[0m Stopped sampling");
    }

    @Test
    void noStatusLineWhenHidden() {
        CliRunner.Result result = new CliRunner(world(busyAndSleeping().build()).providers()).stderrOnTerminal()
                .run("record", "-p", "6685", "-f", "collapsed", "-o", out(), "-d", "1", "--hideprogress");

        assertThat(result.err()).doesNotContain("\r");
    }

    @Test
    void withoutOutputTheFileIsNamedAfterThePidAndTheTime() throws IOException {
        Path expected = Path.of("6685-2026-11-26T18:04:05+01:00.txt");
        try {
            CliRunner.Result result = new CliRunner(world(busyAndSleeping().build()).providers())
                    .run("record", "-p", "6685", "-f", "collapsed", "-d", "1");

            assertThat(result.err()).contains("Wrote collapsed data to '" + expected + "'");
            assertThat(expected).exists();
        } finally {
            Files.deleteIfExists(expected);
        }
    }

    @Test
    void anUnwritableOutputFailsBeforeTouchingTheProcess() {
        FakeTarget target = busyAndSleeping().build();
        FakeProviders world = world(target);
        String output = root.resolve("missing/out.txt").toString();

        CliRunner.Result result = new CliRunner(world.providers())
                .run("record", "-p", "6685", "-f", "collapsed", "-o", output);

        ErrorReportingTest.assertFailure(result, 1, "pyspy4j record: cannot write '" + output
                + "': no such directory '" + root.resolve("missing") + "'");
        assertThat(world.opens()).isZero();
        assertThat(root.resolve("missing")).doesNotExist();
    }

    @Test
    void aProcessThatIsNotThereFailsWithNoFile() {
        CliRunner.Result result = new CliRunner(world(busyAndSleeping().build()).providers())
                .run("record", "-p", "4242", "-f", "collapsed", "-o", out());

        ErrorReportingTest.assertFailure(result, 1, "pyspy4j record: no process with pid 4242");
        assertThat(root.resolve("out.txt")).doesNotExist();
    }

    @Test
    void acceptsAnUnambiguousPrefixOfTheSubcommand() {
        CliRunner.Result result = new CliRunner(world(busyAndSleeping().build()).providers())
                .run("r", "-p", "6685", "-f", "collapsed", "-o", out(), "-d", "1");

        assertThat(result.exitCode()).isZero();
    }
}
