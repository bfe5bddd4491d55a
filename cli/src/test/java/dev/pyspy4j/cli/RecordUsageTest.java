// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static dev.pyspy4j.cli.ErrorReportingTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.fakes.CollapsedFormat;
import dev.pyspy4j.engine.fakes.FakeProviders;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code record}'s command line: help, and every usage error (exit 2, one line, no sampling). */
class RecordUsageTest {
    private final FakeProviders world = new FakeProviders().withFormat(new CollapsedFormat("flamegraph"))
            .withFormat(new CollapsedFormat("raw")).withFormat(new PluginFormat());
    private final CliRunner cli = new CliRunner(world.providers());

    /** A format as a third-party jar would bring it. */
    private static final class PluginFormat implements OutputFormat {
        @Override
        public String id() {
            return "pprof";
        }

        @Override
        public String description() {
            return "pprof protobuf, from a plugin";
        }

        @Override
        public String fileExtension() {
            return "pb";
        }

        @Override
        public Recorder newRecorder(OutputSettings settings) {
            throw new UnsupportedOperationException("not recorded in these tests");
        }
    }

    @Test
    void helpListsEveryFormatFoundWithItsDescription() {
        CliRunner.Result result = cli.run("record", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: pyspy4j record ").contains("""
                Formats:
                  flamegraph   collapsed stacks for tests (default)
                  pprof        pprof protobuf, from a plugin
                  raw          collapsed stacks for tests
                """, "Exit Codes:");
        assertThat(result.out().indexOf("Formats:")).isLessThan(result.out().indexOf("Exit Codes:"));
        assertThat(result.out()).contains("-f, --format=<format>", "-r, --rate=<rate>", "-d, --duration=<duration>",
                "-o, --output=<filename>", "-F, --function", "--nolineno", "-t, --threads", "-g, --gil", "-i, --idle",
                "--nonblocking", "--full-filenames", "-p, --pid=<pid>", "[python_program...]")
                .doesNotContain("--hideprogress");
    }

    @Test
    void helpSaysSoWhenNoFormatIsFound() {
        CliRunner.Result result = new CliRunner(new FakeProviders().providers()).run("record", "--help");

        assertThat(result.out()).contains("Formats:\n  (none found on the class path)\n");
    }

    @Test
    void theTopLevelHelpListsRecord() {
        assertThat(cli.run("--help").out()).contains("  record   Records stack trace information to a flamegraph,");
    }

    @Test
    void listProvidersNamesTheOutputFormats() {
        assertThat(cli.run("--list-providers").out().lines())
                .contains("OutputFormat: pprof (pprof protobuf, from a plugin) [built in]",
                        "OutputFormat: raw (collapsed stacks for tests) [built in]");
    }

    @Test
    void functionAndNolinenoTogether() {
        assertFailure(cli.run("record", "-p", "1", "-F", "--nolineno"), 2,
                "pyspy4j record: --function & --nolineno can't be used together; try 'pyspy4j record --help'");
    }

    @Test
    void neitherPidNorProgram() {
        assertFailure(cli.run("record", "-d", "1"), 2, "pyspy4j record: Missing required option: '--pid=<pid>'"
                + " (or give a python_program to run after --); try 'pyspy4j record --help'");
    }

    @Test
    void bothPidAndProgram() {
        assertFailure(cli.run("record", "-p", "1", "--", "python", "app.py"), 2,
                "pyspy4j record: --pid and a python_program can't be used together; try 'pyspy4j record --help'");
    }

    @Test
    void anUnknownFormatListsTheChoices() {
        assertFailure(cli.run("record", "-p", "1", "-f", "svg"), 2, "pyspy4j record: invalid value 'svg' for"
                + " '--format': choose one of flamegraph, pprof, raw; try 'pyspy4j record --help'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-r|0|'--rate': '0' is not a sampling rate (1 to 1000000 samples per second)",
        "-r|1000001|'--rate': '1000001' is not a sampling rate (1 to 1000000 samples per second)",
        "--rate|ten|'--rate': 'ten' is not a sampling rate (1 to 1000000 samples per second)",
        "-r|-5|'--rate': '-5' is not a sampling rate (1 to 1000000 samples per second)",
        "-d|0|'--duration': '0' is not a duration (whole seconds from 1 to 2147483647, or unlimited)",
        "-d|1.5|'--duration': '1.5' is not a duration (whole seconds from 1 to 2147483647, or unlimited)",
        "--duration|forever|'--duration': 'forever' is not a duration (whole seconds from 1 to 2147483647,"
                + " or unlimited)",
        "-d|99999999999999999999|'--duration': '99999999999999999999' is not a duration (whole seconds from 1 to"
                + " 2147483647, or unlimited)",
    })
    void badNumbers(String option, String value, String message) {
        assertFailure(cli.run("record", "-p", "1", option, value), 2,
                "pyspy4j record: Invalid value for option " + message + "; try 'pyspy4j record --help'");
    }

    @Test
    void unlimitedIsADuration() {
        CliRunner.Result result = cli.run("record", "-p", "1", "-d", "unlimited", "-f", "bogus");

        // Got past the option checks to the format, which is checked next.
        assertThat(result.err()).contains("invalid value 'bogus' for '--format'");
    }

    @Test
    void everythingAfterTheProgramBelongsToIt() {
        CliRunner.Result result = cli.run("record", "-f", "bogus", "python", "app.py", "--pid", "3", "-F");

        // --pid and -F went to the program, so this is neither "both" nor "can't be used together".
        assertThat(result.err()).startsWith("pyspy4j record: invalid value 'bogus' for '--format'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--pyroscope localhost:4040 --app demo|--pyroscope 'localhost:4040' is not a server address: it must start"
                + " with http:// or https:// (e.g. http://localhost:4040)",
        "--pyroscope http://127.0.0.1:4040|--pyroscope needs --app <name>, the application's name on the server",
        "--app demo|--app goes with --pyroscope",
        "--tag env=test|--tag goes with --pyroscope",
        "--pyroscope http://h --app demo --tag service_name=x|--tag name 'service_name' is reserved (--app sets it)",
        "--pyroscope http://h --app demo --tag __name__=x|--tag name '__name__' is reserved (names starting with __"
                + " are Pyroscope's own)",
        "--pyroscope http://h --app demo --tag env|--tag takes name=value, not 'env'",
        "--pyroscope http://h --app demo --pyroscope-labels thread,tid|--pyroscope-labels takes thread or pid, not"
                + " 'tid'",
        "--pyroscope http://h --app demo --pyroscope-interval 0|--pyroscope-interval must be a whole number of"
                + " seconds above 0, not 0",
        "--pyroscope http://h --app demo --period 5|--period and --pyroscope can't be used together: --pyroscope"
                + " pushes its own windows"})
    void pyroscopeFlagsThatCannotWorkAreRefusedBeforeSampling(String flags, String message) {
        String[] args = ("record -p 1 " + flags).split(" ");

        assertFailure(cli.run(args), 2, "pyspy4j record: " + message + "; try 'pyspy4j record --help'");
    }

    @Test
    void contradictoryPyroscopeCredentialsAreRefusedBeforeSampling() {
        CliRunner.Result result = cli.environment(java.util.Map.of("PYROSCOPE_BASIC_AUTH_USER", "1234"))
                .run("record", "-p", "1", "--pyroscope", "http://127.0.0.1:4040", "--app", "demo");

        assertFailure(result, 2, "pyspy4j record: PYROSCOPE_BASIC_AUTH_USER and PYROSCOPE_BASIC_AUTH_PASSWORD must"
                + " be set together; try 'pyspy4j record --help'");
    }

    @Test
    void helpListsThePyroscopeFlagsButNotTheTestingInterval() {
        assertThat(cli.run("record", "--help").out()).contains("--pyroscope=<url>", "--app=<name>",
                "--tag=<name=value>", "--pyroscope-labels=<thread|pid>").doesNotContain("--pyroscope-interval");
    }
}
