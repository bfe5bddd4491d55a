// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.python.PythonInterpreter;
import java.util.Objects;

/** An attached process and the interpreter found in it; the caller owns (and closes) the process. */
public record OpenedProcess(TargetProcess target, PythonInterpreter interpreter) {
    public OpenedProcess {
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(interpreter, "interpreter is null");
    }
}
