// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import dev.pyspy4j.spi.Platform;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code pyspy4j} command: prints its usage when run without a subcommand, as py-spy does. */
// Not addMethodSubcommands: it would look through every method of the class for @Command at each start.
@Command(addMethodSubcommands = false,
        name = "pyspy4j", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sampling profiler for Python programs")
public final class PySpyCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--list-providers", hidden = true,
            description = "Print every provider found, by type, with where it came from, and exit")
    private boolean listProviders;

    public PySpyCommand(CliContext context) {
        this.context = context;
    }

    @Option(names = "--verbose", hidden = true, scope = ScopeType.INHERIT,
            description = "Print stack traces of failures and why providers were skipped")
    void verbose(boolean enabled) {
        if (enabled) {
            context.enableVerbose();
        }
    }

    @Override
    public Integer call() {
        if (listProviders) {
            PrintWriter out = spec.commandLine().getOut();
            context.reportProviderProblems(spec.commandLine().getErr());
            context.providers().listing(Platform.current(), context::providerOrigin).forEach(out::println);
            out.flush();
            return ExitCodes.OK;
        }
        // clap's arg_required_else_help: help on standard error and the usage exit code.
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
