// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static dev.pyspy4j.cli.ErrorReportingTest.assertFailure;
import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.cli.top.FunctionId;
import dev.pyspy4j.engine.fakes.CollapsedFormat;
import dev.pyspy4j.engine.fakes.FakeProviders;
import dev.pyspy4j.engine.fakes.FakeTarget;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --async-aware} and {@code --async-mode} on record and top: listed in the help, and refused before anything
 * is read where they make no sense. What they do to stacks is tested against real programs (RecordAsyncAwareIT).
 */
class AsyncAwareOptionTest {
    @TempDir
    Path root;

    private FakeProviders world() {
        return new FakeProviders().with(FakeTarget.pid(6685).commandLine("/usr/bin/python3.11", "t.py")
                        .executable("/usr/bin/python3.11").root(root)
                        .traces(thread(6685, 0x7f00_0000_2000L, "MainThread", 6685, true, false,
                                frame("sleeper", "/tmp/t.py", 13)))
                        .build())
                .withFormat(new CollapsedFormat("flamegraph")).withFormat(new CollapsedFormat("raw"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"record", "top"})
    void helpListsBothOptions(String command) {
        CliRunner.Result result = new CliRunner(world().providers()).run(command, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--async-aware", "Attribute samples to asyncio tasks",
                "--async-mode=<mode>", "With --async-aware: 'running' shows the running");
    }

    @ParameterizedTest
    @ValueSource(strings = {"record", "top"})
    void aModeWithoutAsyncAwareIsAMistake(String command) {
        FakeProviders world = world();

        assertFailure(new CliRunner(world.providers()).run(command, "-p", "6685", "--async-mode", "all"), 2,
                "pyspy4j " + command + ": --async-mode needs --async-aware; try 'pyspy4j " + command + " --help'");
        assertThat(world.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"record", "top"})
    void anUnknownModeListsTheChoices(String command) {
        FakeProviders world = world();

        assertFailure(new CliRunner(world.providers()).run(command, "-p", "6685", "--async-aware", "--async-mode",
                "pending"), 2, "pyspy4j " + command + ": Invalid value for option '--async-mode': 'pending' (choose"
                + " from running, all); try 'pyspy4j " + command + " --help'");
        assertThat(world.requests()).isEmpty();
    }

    @Test
    void nativeStacksAreRefused() {
        FakeProviders world = world();

        assertFailure(new CliRunner(world.providers()).run("record", "-p", "6685", "--async-aware", "--native"), 2,
                "pyspy4j record: --async-aware and --native can't be used together; try 'pyspy4j record --help'");
        assertThat(world.requests()).isEmpty();
    }

    @Test
    void anInterpreterThatCannotReadTasksIsRefusedInOneLine() {
        FakeProviders world = world();

        CliRunner.Result result = new CliRunner(world.providers()).run("record", "-p", "6685", "--async-aware",
                "-f", "raw", "-o", root.resolve("out.txt").toString(), "-d", "1");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("pyspy4j record: --async-aware: the asyncio tasks of Python",
                "cannot be read (CPython 3.7-3.15; of the free-threaded builds, 3.13t); leave out --async-aware");
        assertThat(root.resolve("out.txt")).doesNotExist();
    }

    @Test
    void topLabelsAPseudoFrameWithoutAFileByItsNameAlone() {
        assertThat(new FunctionId("task worker", "", 0).label()).isEqualTo("task worker");
        assertThat(new FunctionId("spin", "app.py", 0).label()).isEqualTo("spin (app.py)");
    }
}
