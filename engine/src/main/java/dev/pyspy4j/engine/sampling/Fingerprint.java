// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.process.TargetProcess;
import java.util.List;
import java.util.Objects;

/**
 * What a process runs: its program file and command line. {@code execve(2)} replaces both, so a changed
 * fingerprint means the process now runs another program: a forked copy of Python became a shell, or a shell
 * became Python, and what was found out about its interpreter no longer holds.
 */
record Fingerprint(String executable, List<String> commandLine) {
    Fingerprint {
        Objects.requireNonNull(executable, "executable is null");
        commandLine = List.copyOf(commandLine);
    }

    /**
     * Reads it from the process.
     *
     * @throws dev.pyspy4j.spi.SpyException PROCESS_EXITED when the process is gone
     */
    static Fingerprint of(TargetProcess process) {
        return new Fingerprint(process.executablePath(), process.commandLine());
    }

    /** The command line as one line of text, as py-spy shows it: arguments joined by spaces. */
    String joinedCommandLine() {
        return String.join(" ", commandLine);
    }
}
