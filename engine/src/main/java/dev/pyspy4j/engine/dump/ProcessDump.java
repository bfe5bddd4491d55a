// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.dump;

import dev.pyspy4j.spi.model.AsyncioSnapshot;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.python.PythonVersion;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Everything {@code dump} prints about one process.
 *
 * @param namespacePid the process's id inside its own PID namespace (a container), when it has one
 * @param commandLine the process's argv
 * @param executable  the program file the process runs
 * @param warnings    what the interpreter reader wants the user to know
 * @param traces      one per Python thread, in the interpreter's list order (newest thread first)
 * @param asyncio     the asyncio tasks, with short file names; {@code null} when they were not asked for
 */
public record ProcessDump(long pid, OptionalLong namespacePid, List<String> commandLine, String executable,
                          PythonVersion version, List<String> warnings, List<StackTrace> traces,
                          AsyncioSnapshot asyncio) {
    public ProcessDump {
        Objects.requireNonNull(namespacePid, "namespacePid is null");
        commandLine = List.copyOf(commandLine);
        Objects.requireNonNull(executable, "executable is null");
        Objects.requireNonNull(version, "version is null");
        warnings = List.copyOf(warnings);
        traces = List.copyOf(traces);
    }

    /** A dump without asyncio tasks. */
    public ProcessDump(long pid, OptionalLong namespacePid, List<String> commandLine, String executable,
                       PythonVersion version, List<String> warnings, List<StackTrace> traces) {
        this(pid, namespacePid, commandLine, executable, version, warnings, traces, null);
    }
}
