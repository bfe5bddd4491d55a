// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * The subcommands of {@code pyspy4j}, in the order its help lists them, and which of them a command line needs.
 * Plain code, no lambdas or streams: this runs first in every run, before anything has warmed up.
 */
enum Subcommand {
    RECORD("record"),
    TOP("top"),
    DUMP("dump"),
    CONVERT("convert"),
    HELP("help"),
    COMPLETIONS("completions"),
    MANPAGE("manpage");

    static final List<Subcommand> ALL = List.of(values());

    private final String commandName;

    Subcommand(String commandName) {
        this.commandName = commandName;
    }

    String commandName() {
        return commandName;
    }

    /** A new command object, for picocli to build its model from. */
    Object create(CliContext context) {
        return switch (this) {
            case RECORD -> new RecordCommand(context);
            case TOP -> new TopCommand(context);
            case DUMP -> new DumpCommand(context);
            case CONVERT -> new ConvertCommand(context);
            case HELP -> new CommandLine.HelpCommand();
            case COMPLETIONS -> new CompletionsCommand();
            case MANPAGE -> new ManPageCommand();
        };
    }

    /**
     * The subcommands a run with {@code args} can reach. A command that works on profiles (record, top, dump, convert) named in full as the first argument
     * is the only one: everything after it is parsed by that command alone. {@code --version} alone needs none.
     * Anything else (help, an abbreviation, a mistyped name, the completion script, the manual pages, options
     * before the command) may list, match or suggest any of them, so it gets them all.
     */
    /**
     * Whether {@code args} run a command that stops on SIGINT and SIGTERM ({@code record}, {@code top}): only those
     * need the signals restored where they came ignored, which is best done before the command line is parsed.
     */
    static boolean armsStopSignals(String[] args) {
        return args.length > 0 && (args[0].equals(RECORD.commandName) || args[0].equals(TOP.commandName));
    }

    /**
     * Whether {@code args} run a command that may read a live process ({@code record}, {@code top}, {@code dump}
     * unless of a core file): those get the start-up work of attaching done while their command line is parsed.
     * Any other command would do it for nothing.
     */
    static boolean readsLiveProcesses(String[] args) {
        if (armsStopSignals(args)) {
            return true;
        }
        if (args.length == 0 || !args[0].equals(DUMP.commandName)) {
            return false;
        }
        for (String arg : args) {
            if (arg.equals("--core") || arg.startsWith("--core=") || arg.startsWith("-c")) {
                return false;
            }
        }
        return true;
    }

    static List<Subcommand> neededFor(String[] args) {
        if (args.length == 0) {
            return ALL;
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        for (Subcommand direct : new Subcommand[] {RECORD, TOP, DUMP, CONVERT}) {
            if (direct.commandName.equals(args[0])) {
                return List.of(direct);
            }
        }
        return ALL;
    }
}
