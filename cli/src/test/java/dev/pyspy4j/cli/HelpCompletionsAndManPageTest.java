// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import static dev.pyspy4j.cli.ErrorReportingTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.fakes.FakeProviders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The help subcommand, the shell completion script and the manual pages, all written from the one picocli model: the
 * script is checked by bash itself and the pages by groff, with warnings on.
 */
class HelpCompletionsAndManPageTest {
    private final CliRunner cli = new CliRunner(new FakeProviders().providers());

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"record", "top", "dump"})
    void helpCommandPrintsWhatHelpOptionPrints(String command) {
        CliRunner.Result help = cli.run("help", command);

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).isEqualTo(cli.run(command, "--help").out()).startsWith("Usage: pyspy4j " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "BASH"})
    void completionScriptIsValidBashAndKnowsEveryCommandAndOption(String shell) throws Exception {
        CliRunner.Result result = cli.run("completions", shell);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("record", "top", "dump", "--pid", "--format", "--locals", "--subprocesses");
        Path script = Files.writeString(work.resolve("pyspy4j-completion.bash"), result.out());
        assertThat(run("bash", "-n", script.toString()).err()).isEmpty();
    }

    @Test
    void completionsForAnotherShellAreAUsageError() {
        assertFailure(cli.run("completions", "fish"), 2, "pyspy4j completions: no completion script for 'fish';"
                + " pyspy4j writes them for bash and zsh; try 'pyspy4j completions --help'");
    }

    @Test
    void helperCommandsStayOutOfTheHelp() {
        assertThat(cli.run("--help").out()).contains("  help  ").doesNotContain("completions", "manpage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "record", "top", "dump"})
    void manPageRendersWithoutTroffWarningsAndListsEveryVisibleOption(String command) throws Exception {
        CliRunner.Result result = command.isEmpty() ? cli.run("manpage") : cli.run("manpage", command);
        assertThat(result.exitCode()).isZero();
        Path page = Files.writeString(work.resolve("page.1"), result.out());

        assertThat(run("groff", "-man", "-Tutf8", "-ww", "-z", page.toString()).err()).as("groff warnings").isEmpty();
        String text = run("groff", "-man", "-Tascii", "-P-cbou", page.toString()).out();
        CommandLine model = Main.commandLine(CliContext.fromSystem());
        CommandLine shown = command.isEmpty() ? model : model.getSubcommands().get(command);
        String title = command.isEmpty() ? "PYSPY4J(1)" : "PYSPY4J-" + command.toUpperCase() + "(1)";
        assertThat(text).contains(title, "NAME", "SYNOPSIS", "EXIT STATUS", "permission denied");
        String flattened = text.replaceAll("\\s+", " ");
        for (CommandLine.Model.OptionSpec option : shown.getCommandSpec().options()) {
            for (String name : option.names()) {
                if (option.hidden()) {
                    assertThat(flattened).doesNotContain(name + " ");
                } else {
                    assertThat(flattened).contains(name);
                }
            }
        }
    }

    @Test
    void manPageOfAnUnknownCommandIsAUsageError() {
        assertFailure(cli.run("manpage", "recrod"), 2, "pyspy4j manpage: No command 'recrod'; pyspy4j's commands"
                + " are record, top, dump, convert, help; try 'pyspy4j manpage --help'");
    }

    @Test
    void troffControlCharactersAtTheStartOfALineAreEscaped() {
        assertThat(ManPage.escape(".not a request\n'neither\\this - that")).isEqualTo(
                "\\&.not a request\n\\&'neither\\ethis \\- that");
    }

    /** Runs a tool to its end, failing when it exits with an error; its standard error goes through a file. */
    private Output run(String... command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(work, "stderr", ".txt");
        Process process = new ProcessBuilder(List.of(command)).redirectError(errors.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(errors, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), err).isZero();
        return new Output(out, err);
    }

    private record Output(String out, String err) {
    }
}
