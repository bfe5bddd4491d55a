// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import dev.pyspy4j.engine.sampling.StopTriggers;
import picocli.CommandLine;

/** Entry point of the {@code pyspy4j} command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (Subcommand.armsStopSignals(args)) {
            StopTriggers.restoreStopSignalsInBackground();
        }
        CommandLine commandLine = commandLine(CliContext.fromSystem(), args);
        // UTF-8 whatever the locale, as py-spy writes it: function and file names are often not ASCII.
        commandLine.setOut(utf8(FileDescriptor.out));
        commandLine.setErr(utf8(FileDescriptor.err));
        System.exit(commandLine.execute(args));
    }

    /** The whole command tree with its error handling, writing to the JVM's standard streams until told otherwise. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, Subcommand.ALL);
    }

    /**
     * The command tree {@code args} need, which behaves for them exactly as the whole tree does. picocli reads
     * every command's annotations by reflection when it builds the command's model, the largest part of a short
     * run's start-up, so a run of one sampling command builds only that command's model.
     */
    public static CommandLine commandLine(CliContext context, String[] args) {
        return commandLine(context, Subcommand.neededFor(args));
    }

    private static CommandLine commandLine(CliContext context, List<Subcommand> subcommands) {
        ExitCodes exitCodes = new ExitCodes();
        ErrorReporter reporter = new ErrorReporter(context, exitCodes);
        CommandLine commandLine = new CommandLine(new PySpyCommand(context));
        for (Subcommand subcommand : subcommands) {
            commandLine.addSubcommand(subcommand.commandName(), subcommand.create(context));
        }
        // Setters below reach the subcommands added above.
        commandLine.setAbbreviatedSubcommandsAllowed(true);
        commandLine.setExecutionStrategy(new ErrorsAsFailures());
        commandLine.setExitCodeExceptionMapper(exitCodes);
        commandLine.setExecutionExceptionHandler(reporter);
        commandLine.setParameterExceptionHandler(reporter);
        documentExitCodes(commandLine);
        Map<String, CommandLine> added = commandLine.getSubcommands();
        if (added.containsKey("record")) {
            FormatsHelpSection.addTo(added.get("record"), context);
        }
        for (String command : new String[] {"record", "top", "dump"}) {
            if (added.containsKey(command)) {
                UnwindersHelpSection.addTo(added.get(command), context);
            }
        }
        // Everything after the program's name belongs to the program: record -- python app.py --its-own-flag.
        for (String command : new String[] {"record", "top"}) {
            if (added.containsKey(command)) {
                added.get(command).setStopAtPositional(true);
            }
        }
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
