// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.fakes.FakeProviders;
import dev.pyspy4j.engine.fakes.FakeTarget;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.LocalVariable;
import dev.pyspy4j.spi.python.LineNumbers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pyspy4j dump} end to end over fake providers: what reaches stdout, and what the target was asked. */
class DumpCommandTest {
    private static final String PYTHON = "/root/.pyenv/versions/3.11.7/bin/python3.11";

    @TempDir
    Path root;

    private FakeProviders world() {
        return new FakeProviders().with(FakeTarget.pid(6685)
                .commandLine(PYTHON, "t.py")
                .executable(PYTHON)
                .root(root)
                .traces(thread(6685, 0x7f00_0000_1000L, "BusyWorker", 6687, true, true,
                                frame("spin", "/tmp/t.py", 4)),
                        thread(6685, 0x7f00_0000_2000L, "MainThread", 6685, false, false,
                                frame("sleeper", "/tmp/t.py", 13), frame("<module>", "/tmp/t.py", 16)))
                .build());
    }

    @Test
    void printsProcessVersionAndThreadsMainThreadFirst() {
        CliRunner.Result result = new CliRunner(world().providers()).run("dump", "--pid", "6685");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                Process 6685: /root/.pyenv/versions/3.11.7/bin/python3.11 t.py
                Python v3.11.7 (/root/.pyenv/versions/3.11.7/bin/python3.11)

                Thread 6685 (idle): "MainThread"
                    sleeper (t.py:13)
                    <module> (t.py:16)
                Thread 6687 (active+gil): "BusyWorker"
                    spin (t.py:4)
                """);
    }

    @Test
    void acceptsShortOptionAndHexadecimalPid() {
        CliRunner.Result result = new CliRunner(world().providers()).run("dump", "-p", "0x1A1D");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Process 6685: ");
    }

    @Test
    void acceptsAnUnambiguousPrefixOfTheSubcommand() {
        CliRunner.Result result = new CliRunner(world().providers()).run("d", "-p", "6685");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Process 6685: ");
    }

    @Test
    void fullFilenamesKeepsThePaths() {
        CliRunner.Result result = new CliRunner(world().providers()).run("dump", "-p", "6685", "--full-filenames");

        assertThat(result.out()).contains("    sleeper (/tmp/t.py:13)\n", "    spin (/tmp/t.py:4)\n");
    }

    @Test
    void pausesTheTargetAndAsksForCurrentLinesWithTheActivityProbe() {
        FakeProviders world = world();
        new CliRunner(world.providers()).run("dump", "-p", "6685");

        assertThat(world.requests()).singleElement().satisfies(request -> {
            assertThat(request.pauseTarget()).isTrue();
            assertThat(request.lineNumbers()).isEqualTo(LineNumbers.CURRENT);
            assertThat(request.gilOnly()).isFalse();
            assertThat(request.localsBudget()).isZero();
            assertThat(request.activity()).isSameAs(world.probes().get(0));
        });
    }

    @Test
    void eachLocalsFlagAddsAHundredAndTwentyEightCharactersOfBudget() {
        assertThat(localsBudgetAskedBy("dump", "-p", "6685", "-l")).isEqualTo(128);
        assertThat(localsBudgetAskedBy("dump", "-p", "6685", "--locals")).isEqualTo(128);
        assertThat(localsBudgetAskedBy("dump", "-p", "6685", "-ll")).isEqualTo(256);
        assertThat(localsBudgetAskedBy("dump", "-l", "-p", "6685", "--locals", "-ll")).isEqualTo(512);
    }

    @Test
    void localsArePrintedUnderTheirFrame() {
        FakeProviders world = new FakeProviders().with(FakeTarget.pid(6685).commandLine(PYTHON, "t.py")
                .executable(PYTHON).root(root)
                .traces(thread(6685, 0x7f00_0000_2000L, "MainThread", 6685, false, false,
                        new Frame("sleeper", "/tmp/t.py", null, null, 13,
                                List.of(new LocalVariable("a", 0x10, true, "7"),
                                        new LocalVariable("local_list", 0x20, false, "[1, 2.5, None, True]")),
                                false, false),
                        frame("<module>", "/tmp/t.py", 16)))
                .build());

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "6685", "-l");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).endsWith("""
                Thread 6685 (idle): "MainThread"
                    sleeper (t.py:13)
                        Arguments:
                            a: 7
                        Locals:
                            local_list: [1, 2.5, None, True]
                    <module> (t.py:16)
                """);
    }

    @Test
    void jsonCarriesTheLocals() {
        FakeProviders world = new FakeProviders().with(FakeTarget.pid(6685).root(root)
                .traces(thread(6685, 0x7f00_0000_2000L, "MainThread", 6685, false, false,
                        new Frame("f", "/tmp/t.py", null, null, 13, List.of(new LocalVariable("a", 0x10, true, "7")),
                                false, false)))
                .build());

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "6685", "-l", "--json");

        assertThat(result.out()).contains("        \"locals\": [\n          {\n            \"name\": \"a\",\n"
                + "            \"addr\": 16,\n            \"arg\": true,\n            \"repr\": \"7\"\n          }\n"
                + "        ],\n");
    }

    private long localsBudgetAskedBy(String... args) {
        FakeProviders world = world();
        CliRunner.Result result = new CliRunner(world.providers()).run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return world.requests().get(0).localsBudget();
    }

    @Test
    void nonblockingDoesNotPause() {
        FakeProviders world = world();
        new CliRunner(world.providers()).run("dump", "-p", "6685", "--nonblocking");

        assertThat(world.requests()).singleElement().satisfies(request ->
                assertThat(request.pauseTarget()).isFalse());
    }

    @Test
    void jsonListsTracesInSampleOrder() {
        CliRunner.Result result = new CliRunner(world().providers()).run("dump", "-p", "6685", "-j");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("[\n  {\n    \"pid\": 6685,\n    \"thread_id\": " + 0x7f00_0000_1000L + ",\n"
                + "    \"thread_name\": \"BusyWorker\",\n");
        assertThat(result.out()).contains("\"short_filename\": \"t.py\"").endsWith("]\n");
        assertThat(result.out().indexOf("BusyWorker")).isLessThan(result.out().indexOf("MainThread"));
    }

    @Test
    void coloursOnATerminal() {
        CliRunner.Result result = new CliRunner(world().providers()).onTerminal().run("dump", "-p", "6685");

        assertThat(result.out()).startsWith("Process \u001b[33m\u001b[1m6685\u001b[0m: ")
                .contains("    \u001b[32mspin\u001b[0m (\u001b[36mt.py\u001b[0m:\u001b[2m4\u001b[0m)\n");
    }

    @Test
    void noColourOnATerminalWithNoColorSet() {
        CliRunner.Result result = new CliRunner(world().providers()).onTerminal()
                .environment(Map.of("NO_COLOR", "1")).run("dump", "-p", "6685");

        assertThat(result.out()).doesNotContain("\u001b");
    }

    @Test
    void warningsOfTheInterpreterGoToStandardError() {
        FakeProviders world = new FakeProviders().with(FakeTarget.pid(42).root(root)
                .warnings("python 3.15.0a1 is newer than any tested version").build());

        CliRunner.Result result = new CliRunner(world.providers()).run("dump", "-p", "42");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEqualTo("pyspy4j dump: warning: python 3.15.0a1 is newer than any tested version\n");
    }
}
