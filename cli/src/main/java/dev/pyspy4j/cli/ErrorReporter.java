// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns every failure into one line on standard error, {@code pyspy4j <command>: <message>}, and an exit code;
 * a Java stack trace follows only with {@code --verbose}.
 */
public final class ErrorReporter implements CommandLine.IExecutionExceptionHandler,
        CommandLine.IParameterExceptionHandler {
    private final CliContext context;
    private final CommandLine.IExitCodeExceptionMapper exitCodes;

    public ErrorReporter(CliContext context, CommandLine.IExitCodeExceptionMapper exitCodes) {
        this.context = context;
        this.exitCodes = exitCodes;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        err.println(commandName(command) + ": " + describe(failure, command));
        if (context.verbose()) {
            writeStackTrace(failure, err);
        }
        err.flush();
        return exitCodes.getExitCode(failure);
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        ParameterException reported = unknownArgumentsFirst(failure);
        PrintWriter err = command.getErr();
        err.println(commandName(command) + ": " + firstLine(reported.getMessage()) + suggestion(reported)
                + helpHint(command));
        err.flush();
        return exitCodes.getExitCode(reported);
    }

    /**
     * picocli checks required options before it complains about unknown ones, so a mistyped {@code --pidd 1}
     * would read "missing required option"; the unknown argument is the real mistake.
     */
    private static ParameterException unknownArgumentsFirst(ParameterException failure) {
        CommandLine command = failure.getCommandLine();
        if (failure instanceof CommandLine.MissingParameterException && !command.getUnmatchedArguments().isEmpty()) {
            return new CommandLine.UnmatchedArgumentException(command, command.getUnmatchedArguments());
        }
        return failure;
    }

    private String describe(Exception failure, CommandLine command) {
        if (failure instanceof SpyException spy && spy.kind() != FailureKind.INTERNAL) {
            String message = firstLine(spy.getMessage());
            return switch (spy.kind()) {
                case PERMISSION_DENIED -> message + PermissionHint.remedies(spy, context.ptraceScopeFile());
                case USAGE -> message + helpHint(command);
                default -> message;
            };
        }
        String message = failure.getMessage() == null ? failure.getClass().getName() : firstLine(failure.getMessage());
        return "internal error: " + message + " (run with --verbose for details)";
    }

    private static String commandName(CommandLine command) {
        return command.getCommandSpec().qualifiedName();
    }

    private static String helpHint(CommandLine command) {
        return "; try '" + commandName(command) + " --help'";
    }

    /** picocli's "did you mean" candidates for a mistyped option or subcommand, on the same line. */
    private static String suggestion(ParameterException failure) {
        if (failure instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                return " (did you mean '" + String.join("' or '", suggestions) + "'?)";
            }
        }
        return "";
    }

    private static String firstLine(String message) {
        String trimmed = message.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).strip();
    }

    /** The trace and its causes, as the JVM prints them, without suppressed exceptions. */
    private static void writeStackTrace(Throwable failure, PrintWriter err) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        String prefix = "";
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            err.println(prefix + current);
            for (StackTraceElement element : current.getStackTrace()) {
                err.println("\tat " + element);
            }
            prefix = "Caused by: ";
        }
    }
}
