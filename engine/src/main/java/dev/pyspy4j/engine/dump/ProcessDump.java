// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.dump;

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
 */
public record ProcessDump(long pid, OptionalLong namespacePid, List<String> commandLine, String executable,
                          PythonVersion version, List<String> warnings, List<StackTrace> traces) {
    public ProcessDump {
        Objects.requireNonNull(namespacePid, "namespacePid is null");
        commandLine = List.copyOf(commandLine);
        Objects.requireNonNull(executable, "executable is null");
        Objects.requireNonNull(version, "version is null");
        warnings = List.copyOf(warnings);
        traces = List.copyOf(traces);
    }
}
