// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine;

import dev.pyspy4j.spi.python.PythonVersion;
import java.util.List;
import java.util.Objects;

/**
 * The process that names a run: the one process sampled, or the first Python process of a sampled tree.
 *
 * @param commandLine its argv; empty when unknown
 * @param warnings     what its interpreter reader wants the user to know
 * @param freeThreaded whether its interpreter is a free-threaded build, which has no GIL
 */
public record SampledProcess(long pid, List<String> commandLine, PythonVersion version, List<String> warnings,
                             boolean freeThreaded) {
    public SampledProcess {
        commandLine = List.copyOf(commandLine);
        Objects.requireNonNull(version, "version is null");
        warnings = List.copyOf(warnings);
    }

    /** A process whose interpreter has a GIL. */
    public SampledProcess(long pid, List<String> commandLine, PythonVersion version, List<String> warnings) {
        this(pid, commandLine, version, warnings, false);
    }
}
