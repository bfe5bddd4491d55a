// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import dev.pyspy4j.spi.python.PythonVersion;
import java.util.List;
import java.util.Objects;

/**
 * What {@code top} samples, as its header names it.
 *
 * @param pid         the process
 * @param commandLine its argv; empty when unknown
 * @param version     its interpreter's version
 * @param warnings    what the interpreter reader wants the user to know
 */
public record TopSubject(long pid, List<String> commandLine, PythonVersion version, List<String> warnings) {
    public TopSubject {
        commandLine = List.copyOf(commandLine);
        Objects.requireNonNull(version, "version is null");
        warnings = List.copyOf(warnings);
    }

    /** The command line as one string, or the pid when the command line is unknown. */
    String shownCommand() {
        return commandLine.isEmpty() ? "process " + pid : String.join(" ", commandLine);
    }
}
