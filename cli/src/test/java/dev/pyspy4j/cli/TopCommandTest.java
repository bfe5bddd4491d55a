// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.fakes.FakeProviders;
import dev.pyspy4j.engine.fakes.FakeTarget;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.python.LineNumbers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pyspy4j top} end to end over fake providers, with standard output not a terminal: plain snapshots, the
 * closing line on standard error, and the target let go of.
 */
class TopCommandTest {
    private static final String PYTHON = "/root/.pyenv/versions/3.11.7/bin/python3.11";

    @TempDir
    Path root;

    private FakeTarget busyThenExiting() {
        return FakeTarget.pid(6685).commandLine(PYTHON, "t.py").executable(PYTHON).root(root)
                .traces(thread(6685, 0x7f00_0000_1000L, "BusyWorker", 6687, true, true,
                                frame("spin", "/tmp/t.py", 4), frame("run", "/usr/lib/python3.11/threading.py", 975)),
                        thread(6685, 0x7f00_0000_2000L, "MainThread", 6685, false, false,
                                frame("sleeper", "/tmp/t.py", 13), frame("<module>", "/tmp/t.py", 16)))
                .exitingAfterSamples(300).build();
    }

    /** The lines of the last snapshot printed, from its first header line on. */
    private static List<String> lastSnapshot(String out) {
        int start = out.lastIndexOf("Collecting samples from");
        assertThat(start).as(out).isNotNegative();
        return out.substring(start).lines().toList();
    }

    @Test
    void printsPlainSnapshotsOfTheRunningThreadsUntilTheProcessExits() {
        FakeTarget target = busyThenExiting();
        FakeProviders world = new FakeProviders().with(target);

        CliRunner.Result result = new CliRunner(world.providers()).run("top", "-p", "6685", "--delay", "0.5");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEqualTo("pyspy4j> Stopped sampling because process exited\n");
        assertThat(result.out()).doesNotContain("\u001b");
        List<String> last = lastSnapshot(result.out());
        assertThat(last.get(0)).isEqualTo("Collecting samples from '" + PYTHON + " t.py' (python v3.11.7, pid 6685)");
        assertThat(last.get(1)).startsWith("Total Samples ");
        assertThat(last.get(2)).startsWith("GIL: 100.00%, Active: 100.00% (1.00 threads running), Threads: 2");
        assertThat(last).hasSize(8);
        assertThat(last.get(4)).isEqualTo("    %Own  %Total *OwnTime  TotalTime  Function (filename)");
        assertThat(last.get(5)).startsWith(" 100.00% 100.00%").endsWith("  spin (t.py)");
        assertThat(last.get(6)).startsWith("   0.00% 100.00%").endsWith("  run (threading.py)");
        assertThat(last.get(7)).isEmpty();
        assertThat(target.closeCount()).as("let go of").isEqualTo(1);
        assertThat(world.requests()).allSatisfy(request -> {
            assertThat(request.lineNumbers()).as("lines are read for the L key").isEqualTo(LineNumbers.CURRENT);
            assertThat(request.pauseTarget()).isTrue();
        });
    }

    @Test
    void aRunWhoseEverySampleFailedSaysWhyAndExitsWithOne() {
        FakeTarget target = FakeTarget.pid(6685).commandLine(PYTHON, "t.py").executable(PYTHON).root(root)
                .failingToSample(new SpyException(FailureKind.MEMORY_READ, "0x10 is not a code object", "torn stack",
                        null))
                .exitingAfterSamples(30).build();

        CliRunner.Result result = new CliRunner(new FakeProviders().with(target).providers()).run("top", "-p", "6685");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("pyspy4j> Stopped sampling because process exited\n"
                + "pyspy4j top: every sample failed: 0x10 is not a code object\n");
        assertThat(target.closeCount()).as("let go of").isEqualTo(1);
    }

    @Test
    void idleAndNonblockingReachTheSampling() {
        FakeTarget target = busyThenExiting();
        FakeProviders world = new FakeProviders().with(target);

        CliRunner.Result result = new CliRunner(world.providers()).run("top", "-p", "6685", "--idle",
                "--nonblocking", "--full-filenames", "-r", "50");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> last = lastSnapshot(result.out());
        assertThat(last).anySatisfy(line -> assertThat(line).startsWith("  50.00%  50.00%")
                .endsWith("  sleeper (/tmp/t.py)"));
        assertThat(last).anySatisfy(line -> assertThat(line).startsWith("  50.00%  50.00%")
                .endsWith("  spin (/tmp/t.py)"));
        assertThat(world.requests()).allSatisfy(request -> assertThat(request.pauseTarget()).isFalse());
    }

    @Test
    void colourOnlyWhenForced() {
        FakeProviders world = new FakeProviders().with(busyThenExiting());

        CliRunner.Result result = new CliRunner(world.providers()).environment(Map.of("CLICOLOR_FORCE", "1"))
                .run("top", "-p", "6685");

        assertThat(result.out()).contains("\u001b[7m    %Own  %Total \u001b[1m*OwnTime");
    }
}
