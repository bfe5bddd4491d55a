// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the built jar with the JVM flags of the {@code pyspy4j} launcher script for short commands, which halve the
 * start-up time of a {@code dump}: the dump matrix runs the jar some two hundred times.
 */
final class DumpCli {
    private static final List<String> FAST_START = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-XX:-UsePerfData");

    private DumpCli() {
    }

    /** {@code pyspy4j dump --pid PID options...}. */
    static Pyspy4jJar.Result dump(Process target, String... options) throws IOException, InterruptedException {
        return dumpWithProperties(List.of(), target, options);
    }

    /** The same, with {@code -Dname=value} system properties for the JVM. */
    static Pyspy4jJar.Result dumpWithProperties(List<String> properties, Process target, String... options)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("dump", "--pid", Long.toString(target.pid())));
        arguments.addAll(List.of(options));
        return run(properties, arguments);
    }

    /** {@code pyspy4j arguments...} with system properties. */
    static Pyspy4jJar.Result run(List<String> properties, List<String> arguments)
            throws IOException, InterruptedException {
        return Pyspy4jJar.runCommand(command(properties, arguments));
    }

    /** The command line of {@code pyspy4j arguments...} with system properties, for callers that wrap it. */
    static List<String> command(List<String> properties, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Pyspy4jJar.java()));
        command.addAll(FAST_START);
        properties.forEach(property -> command.add("-D" + property));
        command.addAll(List.of("-jar", Pyspy4jJar.path().toString()));
        command.addAll(arguments);
        return command;
    }
}
