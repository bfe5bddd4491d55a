// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

import dev.pyspy4j.engine.sampling.AsyncMode;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --async-aware} and {@code --async-mode}, for the commands that sample ({@code record}, {@code top}). */
public final class AsyncAwareOptions {
    @Option(names = "--async-aware",
            description = "Attribute samples to asyncio tasks: a thread running a task shows the task (under a"
                    + " 'task <name>' frame, inside the tasks awaiting it) instead of the event loop"
                    + " (CPython 3.7-3.15; of the free-threaded builds, 3.13t)")
    private boolean asyncAware;

    @Option(names = "--async-mode", paramLabel = "<mode>",
            description = "With --async-aware: 'running' shows the running task of each event loop (default),"
                    + " 'all' also shows every pending task's await chain as a stack of its own")
    private String asyncMode;

    /**
     * What was asked for.
     *
     * @throws CommandLine.ParameterException for {@code --async-mode} without {@code --async-aware}, an unknown
     *                                        mode, or {@code --async-aware} with {@code --native}
     */
    public AsyncMode mode(CommandSpec spec, boolean nativeStacks) {
        if (!asyncAware) {
            if (asyncMode != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--async-mode needs --async-aware");
            }
            return AsyncMode.OFF;
        }
        if (nativeStacks) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--async-aware and --native can't be used together");
        }
        if (asyncMode == null || asyncMode.equals("running")) {
            return AsyncMode.RUNNING;
        }
        if (asyncMode.equals("all")) {
            return AsyncMode.ALL;
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--async-mode': '"
                + asyncMode + "' (choose from running, all)");
    }
}
