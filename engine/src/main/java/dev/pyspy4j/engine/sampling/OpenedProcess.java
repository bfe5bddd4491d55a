// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.python.PythonInterpreter;
import java.util.Objects;

/**
 * An attached process and the interpreter found in it; the caller owns (and closes) the process.
 *
 * @param held the pause that still holds a program opened by {@link InterpreterOpener#openHolding}, to be closed by
 *             the thread that opened it; {@code null} when the process runs
 */
public record OpenedProcess(TargetProcess target, PythonInterpreter interpreter, PauseHandle held) {
    public OpenedProcess {
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(interpreter, "interpreter is null");
    }

    /** A process left running. */
    public OpenedProcess(TargetProcess target, PythonInterpreter interpreter) {
        this(target, interpreter, null);
    }
}
