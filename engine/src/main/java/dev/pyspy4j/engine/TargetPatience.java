// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine;

/** How long the engine waits for the processes it opens: one policy for every front end. */
final class TargetPatience {
    /** How long a launched program may take to appear as the shell's child. */
    static final long PROGRAM_START_MILLIS = 5_000;
    /** How long the shell of a launched program that is gone may take to reap it and exit. */
    static final long PROGRAM_END_MILLIS = 1_000;
    /** How long a launched program that still runs at the end gets to exit after SIGTERM, before SIGKILL. */
    static final long PROGRAM_GRACE_MILLIS = 2_000;
    /**
     * How long a process tree of a running process is waited for to hold a Python process: ten rounds of 100 ms, as
     * py-spy waits, then the tree holds no Python. A launched program's tree is waited for as long as it runs, since
     * launchers ({@code uv run}, shell scripts) may take a while to start Python.
     */
    static final long RUNNING_TREE_NANOS = 1_000_000_000L;

    private TargetPatience() {
    }
}
