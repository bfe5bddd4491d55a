// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static dev.pyspy4j.cli.ErrorReportingTest.assertFailure;
import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.fakes.CollapsedFormat;
import dev.pyspy4j.engine.fakes.FakeNative;
import dev.pyspy4j.engine.fakes.FakeProviders;
import dev.pyspy4j.engine.fakes.FakeTarget;
import dev.pyspy4j.spi.nativestack.NativeStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code -n/--native} and {@code --unwinder} on record, top and dump: parsing, refusals, help and output. */
class NativeOptionTest {
    private static final String PYTHON = "/usr/bin/python3.11";
    private static final String LIBC = "/lib/x86_64-linux-gnu/libc.so.6";

    @TempDir
    Path root;

    private final FakeNative.Unwinders dwarf = new FakeNative.Unwinders("dwarf", 20, true)
            .stack(6685, NativeStack.complete(0x1000, 0x2001, 0x3001, 0x4001));
    private final FakeNative.Unwinders framePointers = new FakeNative.Unwinders("framepointer", 10, true);
    private final FakeNative.Unwinders foreign = new FakeNative.Unwinders("foreign", 30, false);
    private final FakeNative.Symbols symbols = new FakeNative.Symbols()
            .symbol(0x1000, LIBC, "clock_nanosleep")
            .symbol(0x2000, PYTHON, "time_sleep")
            .symbol(0x3000, PYTHON, "_PyEval_EvalFrameDefault")
            .symbol(0x4000, PYTHON, "Py_RunMain");

    private FakeProviders world() {
        return new FakeProviders().with(FakeTarget.pid(6685).commandLine(PYTHON, "t.py").executable(PYTHON)
                        .root(root).stoppedThreads(6685L)
                        .traces(thread(6685, 0x7f00_0000_2000L, "MainThread", 6685, true, false,
                                frame("sleeper", "/tmp/t.py", 13).withShimEntry(true)))
                        .build())
                .withFormat(new CollapsedFormat("flamegraph")).withFormat(new CollapsedFormat("raw"))
                .withUnwinder(framePointers).withUnwinder(dwarf).withUnwinder(foreign).withSymbols(symbols);
    }

    private CliRunner cli(FakeProviders world) {
        return new CliRunner(world.providers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"record", "top", "dump"})
    void helpListsTheOptionsAndEveryUnwinderTheDefaultFirst(String command) {
        CliRunner.Result result = cli(world()).run(command, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("-n, --native", "Collect stack traces from native extensions written",
                "--unwinder=<unwinder>", """
                Unwinders (--native):
                  dwarf          the fake unwinder dwarf (default)
                  framepointer   the fake unwinder framepointer
                  foreign        the fake unwinder foreign (not supported on %s)
                """.formatted(dev.pyspy4j.spi.Platform.current()));
        assertThat(result.out().indexOf("Unwinders (--native):")).isLessThan(result.out().indexOf("Exit Codes:"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"record", "top", "dump"})
    void nativeWithNonblockingIsRefusedInPySpysWords(String command) {
        FakeProviders world = world();

        assertFailure(cli(world).run(command, "-p", "6685", "--native", "--nonblocking"), 2, "pyspy4j " + command
                + ": Can't get native stack traces with the --nonblocking option.; try 'pyspy4j " + command
                + " --help'");
        assertThat(world.requests()).isEmpty();
    }

    @Test
    void anUnknownUnwinderListsTheChoices() {
        assertFailure(cli(world()).run("dump", "-p", "6685", "-n", "--unwinder", "magic"), 2, "pyspy4j dump: Invalid"
                + " value for option '--unwinder': 'magic' (choose from framepointer, dwarf, foreign); try 'pyspy4j"
                + " dump --help'");
    }

    @Test
    void anUnwinderWithoutNativeIsAMistake() {
        assertFailure(cli(world()).run("record", "-p", "6685", "--unwinder", "dwarf"), 2, "pyspy4j record: --unwinder"
                + " needs --native; try 'pyspy4j record --help'");
    }

    @Test
    void nativeWithoutUnwindersSaysNativeStacksAreNotAvailable() {
        FakeProviders world = new FakeProviders().with(FakeTarget.pid(6685).root(root).build());

        CliRunner.Result result = cli(world).run("dump", "-p", "6685", "--native");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).startsWith("pyspy4j dump: native stacks are not available: no NativeUnwinderProvider"
                + " supports ").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void dumpShowsTheNativeFramesAboveThePythonOnes() {
        CliRunner.Result result = cli(world()).run("dump", "-p", "6685", "--native");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).endsWith("""
                Thread 6685 (active): "MainThread"
                    clock_nanosleep (libc.so.6)
                    time_sleep (python3.11)
                    sleeper (t.py:13)
                """);
        assertThat(dwarf.unwound()).containsExactly(6685L);
    }

    @Test
    void dumpUsesTheUnwinderAskedFor() {
        CliRunner.Result result = cli(world()).run("dump", "-p", "6685", "-n", "--unwinder", "framepointer");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(framePointers.unwound()).containsExactly(6685L);
        assertThat(dwarf.unwound()).isEmpty();
    }

    @Test
    void dumpJsonNamesTheModuleOfNativeFrames() {
        CliRunner.Result result = cli(world()).run("dump", "-p", "6685", "--native", "--json");

        assertThat(result.out()).contains("""
                      {
                        "name": "clock_nanosleep",
                        "filename": "/lib/x86_64-linux-gnu/libc.so.6",
                        "module": "/lib/x86_64-linux-gnu/libc.so.6",
                        "short_filename": "libc.so.6",
                        "line": 0,
                """, """
                        "name": "sleeper",
                        "filename": "/tmp/t.py",
                        "module": null,
                """);
    }

    @Test
    void recordMergesTheNativeFramesIntoEverySample() throws IOException {
        FakeProviders world = world();
        Path out = root.resolve("out.txt");

        CliRunner.Result result = cli(world).run("record", "-p", "6685", "--native", "-f", "raw", "-o", out.toString(),
                "-d", "1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo(
                "sleeper (t.py:13);time_sleep (python3.11);clock_nanosleep (libc.so.6) 99\n");
        assertThat(world.pausedWorkRuns()).isEqualTo(99);
        assertThat(dwarf.closes()).isEqualTo(1);
    }

    @Test
    void recordOfATreeOpensNativeStacksPerProcess() throws IOException {
        FakeProviders world = world();
        Path out = root.resolve("out.txt");

        CliRunner.Result result = cli(world).run("record", "-p", "6685", "--native", "--subprocesses", "-f", "raw",
                "-o", out.toString(), "-d", "1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(out)).contains("time_sleep (python3.11);clock_nanosleep (libc.so.6)");
        assertThat(dwarf.opens()).isEqualTo(dwarf.closes()).isPositive();
    }
}
