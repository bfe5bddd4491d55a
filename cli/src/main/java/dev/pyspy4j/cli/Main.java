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
import dev.pyspy4j.engine.sampling.AttachPreparation;
import picocli.CommandLine;

/** Entry point of the {@code pyspy4j} command line. */
public final class Main {
    private static final String PICOCLI_NO_CLOSURES = "picocli.disable.closures";
    private static final String PICOCLI_CONVERTER_EXCLUDES = "picocli.converters.excludes";

    private Main() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale, as py-spy writes it: function and file names are often not ASCII.
        System.exit(run(CliContext.fromSystem(), args, utf8(FileDescriptor.out), utf8(FileDescriptor.err)));
    }

    /**
     * One run of the command line as {@link #main} runs it, writing to {@code out} and {@code err}, without exiting
     * the JVM: its exit code is returned. A command that may read a live process starts the start-up work of
     * attaching on a background thread first.
     */
    public static int run(CliContext context, String[] args, PrintWriter out, PrintWriter err) {
        if (Subcommand.readsLiveProcesses(args)) {
            AttachPreparation.startInBackground(Subcommand.armsStopSignals(args));
        }
        CommandLine commandLine = commandLine(context, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
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
        leaveOutUnusedPicocliFeatures();
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

    /**
     * Each time picocli builds a command's model it looks for Groovy and registers converters for {@code java.sql}
     * and {@code java.time} types, by class name. No option here has such a type; Groovy and {@code java.sql} are
     * not in the distribution's runtime, and every miss searches each jar of the class path and throws; the
     * {@code java.time} converters load some sixty classes. A user's own setting of either property wins.
     */
    private static void leaveOutUnusedPicocliFeatures() {
        if (System.getProperty(PICOCLI_NO_CLOSURES) == null) {
            System.setProperty(PICOCLI_NO_CLOSURES, "true");
        }
        if (System.getProperty(PICOCLI_CONVERTER_EXCLUDES) == null) {
            System.setProperty(PICOCLI_CONVERTER_EXCLUDES, "java\\.sql\\..*,java\\.time\\..*");
        }
    }

    private static PrintWriter utf8(FileDescriptor descriptor) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(descriptor), StandardCharsets.UTF_8), true);
    }
}
