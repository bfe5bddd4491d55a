// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import java.util.List;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Runs the chosen command as picocli's {@link CommandLine.RunLast} does, but hands JVM {@link Error}s (a native
 * library that fails to load, a stack overflow) to the error reporter too; picocli lets them escape as raw
 * stack traces.
 */
final class ErrorsAsFailures implements CommandLine.IExecutionStrategy {
    private final CommandLine.IExecutionStrategy delegate = new CommandLine.RunLast();

    @Override
    public int execute(ParseResult parseResult) {
        try {
            return delegate.execute(parseResult);
        } catch (Error e) {
            List<CommandLine> chosen = parseResult.asCommandLineList();
            throw new CommandLine.ExecutionException(chosen.get(chosen.size() - 1), e.toString(), e);
        }
    }
}
