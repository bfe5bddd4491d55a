// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.fakes.FakeProviders;
import org.junit.jupiter.api.Test;

/** How {@code convert} is found and refuses a command line before it reads anything. */
class ConvertUsageTest {
    private final CliRunner cli = new CliRunner(new FakeProviders().providers());

    @Test
    void theTopLevelHelpListsConvert() {
        assertThat(cli.run("--help").out()).contains("  convert  Converts a recorded profile (raw or pprof,");
    }

    @Test
    void anOutputIsRequired() {
        CliRunner.Result result = cli.run("convert", "in.txt");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("pyspy4j convert: Missing required option: '--output=<filename>';"
                + " try 'pyspy4j convert --help'" + System.lineSeparator());
    }

    @Test
    void anUnknownOutputFormatIsAUsageErrorBeforeTheInputIsRead() {
        CliRunner.Result result = cli.run("convert", "/nonexistent/in.txt", "-f", "gif", "-o", "-");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("pyspy4j convert: invalid value 'gif' for '--format': ").endsWith("; try 'pyspy4j convert --help'" + System.lineSeparator());
    }
}
