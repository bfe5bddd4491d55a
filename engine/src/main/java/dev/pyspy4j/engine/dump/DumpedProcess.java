// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.dump;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.ProcessInfo;
import java.util.Objects;

/**
 * One process of a dumped process tree ({@code dump --subprocesses}): its stacks, or why it has none (most often,
 * it runs no Python, like the shell between a program and its Python child).
 *
 * @param process    the process and its ancestors
 * @param executable the program file it runs
 * @param dump       what was read; {@code null} when it could not be
 * @param failure    why it could not be read; {@code null} when it was
 */
public record DumpedProcess(ProcessInfo process, String executable, ProcessDump dump, SpyException failure) {
    public DumpedProcess {
        Objects.requireNonNull(process, "process is null");
        Objects.requireNonNull(executable, "executable is null");
        if ((dump == null) == (failure == null)) {
            throw new IllegalArgumentException("a dumped process has either a dump or a failure, not "
                    + (dump == null ? "neither" : "both"));
        }
    }

    public static DumpedProcess read(ProcessInfo process, ProcessDump dump) {
        return new DumpedProcess(process, dump.executable(), dump, null);
    }

    public static DumpedProcess failed(ProcessInfo process, String executable, SpyException failure) {
        return new DumpedProcess(process, executable, null, failure);
    }
}
