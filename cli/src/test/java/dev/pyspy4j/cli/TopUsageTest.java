// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static dev.pyspy4j.cli.ErrorReportingTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.pyspy4j.engine.fakes.FakeProviders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code top}'s command line: help, and every usage error (exit 2, one line, nothing sampled). */
class TopUsageTest {
    private final CliRunner cli = new CliRunner(new FakeProviders().providers());

    @Test
    void helpListsPySpysOptionsAndSaysWhatThePercentagesMean() {
        CliRunner.Result result = cli.run("top", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: pyspy4j top ").contains("-p, --pid=<pid>", "-r, --rate=<rate>",
                "--delay=<seconds>", "-g, --gil", "-i, --idle", "--nonblocking", "--full-filenames",
                "[python_program...]", "Delay between top refreshes, in seconds (default:",
                "shares of the thread time", "Exit Codes:");
        assertThat(result.out()).contains("%Own and %Total are shares", "adds up to 100% over");
    }

    /**
     * picocli renders descriptions through String.format and, when one does not format (a lone %), prints a
     * warning on the JVM's stderr and the raw text: every command's description must format.
     */
    @Test
    void everyCommandsDescriptionIsAValidFormat() {
        for (CommandLine command : cli.commandLine().getSubcommands().values()) {
            for (String line : command.getCommandSpec().usageMessage().description()) {
                assertThatCode(() -> String.format(line)).as("%s: %s", command.getCommandName(), line)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void theTopLevelHelpListsTopAndItsPrefixWorks() {
        assertThat(cli.run("--help").out()).contains("  top      Displays a top like view of functions consuming CPU");
        assertFailure(cli.run("t"), 2, "pyspy4j top: Missing required option: '--pid=<pid>'"
                + " (or give a python_program to run after --); try 'pyspy4j top --help'");
    }

    @Test
    void bothPidAndProgram() {
        assertFailure(cli.run("top", "-p", "1", "--", "python", "app.py"), 2,
                "pyspy4j top: --pid and a python_program can't be used together; try 'pyspy4j top --help'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--delay|0|'--delay': '0' is not a delay (seconds from 0.01 to 3600, e.g. 0.5)",
        "--delay|-1|'--delay': '-1' is not a delay (seconds from 0.01 to 3600, e.g. 0.5)",
        "--delay|3600.5|'--delay': '3600.5' is not a delay (seconds from 0.01 to 3600, e.g. 0.5)",
        "--delay|1e3|'--delay': '1e3' is not a delay (seconds from 0.01 to 3600, e.g. 0.5)",
        "--delay|NaN|'--delay': 'NaN' is not a delay (seconds from 0.01 to 3600, e.g. 0.5)",
        "-r|0|'--rate': '0' is not a sampling rate (1 to 1000000 samples per second)",
    })
    void badNumbers(String option, String value, String message) {
        assertFailure(cli.run("top", "-p", "1", option, value), 2,
                "pyspy4j top: Invalid value for option " + message + "; try 'pyspy4j top --help'");
    }

    @Test
    void aDelayIsAnyDecimalInRange() {
        CliRunner.Result result = cli.run("top", "-p", "1", "--delay", ".5");

        // Past the options to attaching, which fails in this world without processes.
        assertFailure(result, 1, "pyspy4j top: no process with pid 1");
    }
}
