// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the {@code pyspy4j} command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine commandLine = commandLine(CliContext.fromSystem());
        // UTF-8 whatever the locale, as py-spy writes it: function and file names are often not ASCII.
        commandLine.setOut(utf8(FileDescriptor.out));
        commandLine.setErr(utf8(FileDescriptor.err));
        System.exit(commandLine.execute(args));
    }

    /** The command tree with its error handling, writing to the JVM's standard streams until told otherwise. */
    public static CommandLine commandLine(CliContext context) {
        ExitCodes exitCodes = new ExitCodes();
        ErrorReporter reporter = new ErrorReporter(context, exitCodes);
        CommandLine commandLine = new CommandLine(new PySpyCommand(context));
        commandLine.addSubcommand("record", new RecordCommand(context));
        commandLine.addSubcommand("top", new TopCommand(context));
        commandLine.addSubcommand("dump", new DumpCommand(context));
        commandLine.addSubcommand("convert", new ConvertCommand(context));
        commandLine.addSubcommand("help", new CommandLine.HelpCommand());
        commandLine.addSubcommand("completions", new CompletionsCommand());
        commandLine.addSubcommand("manpage", new ManPageCommand());
        // Setters below reach the subcommands added above.
        commandLine.setAbbreviatedSubcommandsAllowed(true);
        commandLine.setExecutionStrategy(new ErrorsAsFailures());
        commandLine.setExitCodeExceptionMapper(exitCodes);
        commandLine.setExecutionExceptionHandler(reporter);
        commandLine.setParameterExceptionHandler(reporter);
        documentExitCodes(commandLine);
        FormatsHelpSection.addTo(commandLine.getSubcommands().get("record"), context);
        for (String command : new String[] {"record", "top", "dump"}) {
            UnwindersHelpSection.addTo(commandLine.getSubcommands().get(command), context);
        }
        // Everything after the program's name belongs to the program: record -- python app.py --its-own-flag.
        commandLine.getSubcommands().get("record").setStopAtPositional(true);
        commandLine.getSubcommands().get("top").setStopAtPositional(true);
        return commandLine;
    }

    private static void documentExitCodes(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit Codes:%n")
                .exitCodeList(ExitCodes.helpList());
        commandLine.getSubcommands().values().forEach(Main::documentExitCodes);
    }

    private static PrintWriter utf8(FileDescriptor descriptor) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(descriptor), StandardCharsets.UTF_8), true);
    }
}
