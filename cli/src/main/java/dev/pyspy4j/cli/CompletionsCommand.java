// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pyspy4j completions bash}: a shell completion script on standard output, hidden from the help as py-spy
 * hides its own. One script serves bash and zsh: it loads zsh's bash-completion emulation when zsh sources it.
 */
// Not addMethodSubcommands: it would look through every method of the class for @Command at each start.
@Command(addMethodSubcommands = false,
        name = "completions", hidden = true, mixinStandardHelpOptions = true,
        description = "Print a shell completion script (bash or zsh) to standard output")
public final class CompletionsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    private String shell;

    @Override
    public Integer call() {
        String name = shell.toLowerCase(Locale.ROOT);
        if (!name.equals("bash") && !name.equals("zsh")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no completion script for '" + shell
                    + "'; pyspy4j writes them for bash and zsh");
        }
        CommandLine root = spec.root().commandLine();
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(root.getCommandName(), root));
        out.flush();
        return ExitCodes.OK;
    }
}
