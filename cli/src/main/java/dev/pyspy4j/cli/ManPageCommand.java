// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pyspy4j manpage [COMMAND]}: the manual page of pyspy4j or of one of its commands, in troff, on standard
 * output ({@code pyspy4j manpage record | man -l -}). Hidden from the help, like {@code completions}.
 */
// Not addMethodSubcommands: it would look through every method of the class for @Command at each start.
@Command(addMethodSubcommands = false,
        name = "manpage", hidden = true, mixinStandardHelpOptions = true,
        description = "Print the manual page of pyspy4j or of one of its commands (troff) to standard output")
public final class ManPageCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..1", description = "record, top or dump; none for pyspy4j itself")
    private String commandName;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        CommandLine page = root;
        if (commandName != null) {
            page = root.getSubcommands().get(commandName);
            if (page == null || page.getCommandSpec().usageMessage().hidden()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "No command '" + commandName
                        + "'; pyspy4j's commands are " + String.join(", ", visibleCommands(root)));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(new ManPage(page.getCommandSpec(), BuildVersion.version()).render());
        out.flush();
        return ExitCodes.OK;
    }

    private static java.util.List<String> visibleCommands(CommandLine root) {
        return root.getSubcommands().entrySet().stream()
                .filter(entry -> !entry.getValue().getCommandSpec().usageMessage().hidden())
                .map(java.util.Map.Entry::getKey).toList();
    }
}
