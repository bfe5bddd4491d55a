// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static dev.pyspy4j.cli.ErrorReportingTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.fakes.FakeProviders;
import org.junit.jupiter.api.Test;

/** The command line itself: help, version, usage errors. */
class UsageTest {
    private final CliRunner cli = new CliRunner(new FakeProviders().providers());

    @Test
    void bareCommandPrintsUsageOnStandardErrorAndExitsWithTwo() {
        CliRunner.Result result = cli.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Usage: pyspy4j [-hV] [COMMAND]\n").contains("  dump  ");
    }

    @Test
    void versionNamesTheBuiltVersion() {
        CliRunner.Result result = cli.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("pyspy4j " + System.getProperty("pyspy4j.version") + "\n");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRunner.Result result = cli.run("dump", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("""
                Exit Codes:
                  0   success
                  1   failure against the target""", """
                  2   usage error
                  3   permission denied
                  4   internal error (a bug in pyspy4j)
                """);
    }

    @Test
    void hiddenOptionsStayOutOfHelp() {
        assertThat(cli.run("--help").out()).doesNotContain("--verbose", "--list-providers");
    }

    @Test
    void missingPid() {
        assertFailure(cli.run("dump"), 2,
                "pyspy4j dump: Missing required option: '--pid=<pid>'; try 'pyspy4j dump --help'");
    }

    @Test
    void pidThatIsNotANumber() {
        assertFailure(cli.run("dump", "--pid", "abc"), 2, "pyspy4j dump: Invalid value for option '--pid': 'abc' is"
                + " not a process id (a decimal number, or hexadecimal after 0x); try 'pyspy4j dump --help'");
    }

    @Test
    void pidOutOfRange() {
        assertFailure(cli.run("dump", "-p", "0"), 2, "pyspy4j dump: Invalid value for option '--pid': '0' is"
                + " not a process id (1 to 2147483647); try 'pyspy4j dump --help'");
    }

    @Test
    void unknownOptionWinsOverTheMissingPidItHides() {
        assertFailure(cli.run("dump", "--pidd", "1"), 2, "pyspy4j dump: Unknown options: '--pidd', '1'"
                + " (did you mean '--pid'?); try 'pyspy4j dump --help'");
    }

    @Test
    void unknownOption() {
        assertFailure(cli.run("dump", "-p", "1", "--bogus"), 2,
                "pyspy4j dump: Unknown option: '--bogus'; try 'pyspy4j dump --help'");
    }

    @Test
    void unknownSubcommand() {
        assertFailure(cli.run("dunp"), 2,
                "pyspy4j: Unmatched argument at index 0: 'dunp' (did you mean 'dump'?); try 'pyspy4j --help'");
    }

    @Test
    void dumpHelpDescribesTheRepeatableLocalsOption() {
        assertThat(cli.run("dump", "--help").out()).contains("-l, --locals", "(-ll) increases verbosity");
    }
}
