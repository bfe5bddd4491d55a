// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.distribution;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the distribution's class cache: the commands users run most, in one JVM, as the launcher runs
 * them. A JVM writes one class cache (or archive) when it exits, so the three commands share a run.
 *
 * <pre>{@code CacheTraining <work directory> [<pid of a sleeping Python> <python executable>]}</pre>
 *
 * <p>Without a Python, only {@code --help} and {@code --version} are trained. {@code top} runs against a program it
 * starts itself, which exits after a moment and so ends it; its output is not a terminal here, so it prints plain
 * snapshots. A command that fails makes the training fail: the cache would hold the classes of an error path.
 */
public final class CacheTraining {
    private CacheTraining() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        if (args.length != 1 && args.length != 3) {
            System.err.println("usage: CacheTraining <work directory> [<pid> <python>]");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of("--help"));
        commands.add(List.of("--version"));
        if (args.length == 3) {
            String pid = args[1];
            String python = args[2];
            commands.add(List.of("dump", "--pid", pid));
            commands.add(List.of("record", "-d", "1", "-r", "200", "-o", work.resolve("training.svg").toString(),
                    "--pid", pid));
            commands.add(List.of("top", "--delay", "0.3", "--", python, "-c", "import time; time.sleep(1.5)"));
        }
        for (List<String> command : commands) {
            int exitCode = run(command);
            if (exitCode != 0) {
                System.err.println("training: pyspy4j " + String.join(" ", command) + " exited with " + exitCode);
                System.exit(1);
            }
        }
    }

    /**
     * Runs one command with a fresh context, as a launch of pyspy4j would, its output kept from the build log. The
     * command line is found reflectively: its module exports nothing, it is an application rather than a library.
     */
    private static int run(List<String> command) throws ReflectiveOperationException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Class<?> contextClass = Class.forName("dev.pyspy4j.cli.CliContext");
        Object context = contextClass.getMethod("fromSystem").invoke(null);
        Method run = Class.forName("dev.pyspy4j.cli.Main").getMethod("run", contextClass, String[].class,
                PrintWriter.class, PrintWriter.class);
        int exitCode = (Integer) run.invoke(null, context, command.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        if (exitCode != 0) {
            System.err.print(out);
            System.err.print(err);
        }
        return exitCode;
    }
}
