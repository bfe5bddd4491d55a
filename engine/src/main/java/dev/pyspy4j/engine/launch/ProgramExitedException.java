// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.launch;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.util.Objects;

/**
 * A launched program ended before it could be sampled: a script that fails at once, a command that is not Python.
 * Front ends that kept the program's output aside show it then.
 */
public final class ProgramExitedException extends SpyException {
    private static final long serialVersionUID = 1L;

    private final transient ProgramEnd end;

    public ProgramExitedException(String program, ProgramEnd end, SpyException cause) {
        super(FailureKind.PROCESS_EXITED, "'" + program + "' exited with status " + end.status()
                + " before it could be sampled", cause);
        this.end = Objects.requireNonNull(end, "end is null");
    }

    /** How the program ended. */
    public ProgramEnd end() {
        return end;
    }
}
