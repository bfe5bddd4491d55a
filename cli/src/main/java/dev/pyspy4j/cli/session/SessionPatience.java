// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

/** How long {@code record} and {@code top} wait for the processes they watch: one policy for both commands. */
final class SessionPatience {
    /** How long a launched program may take to appear as the shell's child. */
    static final long PROGRAM_START_MILLIS = 5_000;
    /** How long a launched program that still runs at the end gets to exit after SIGTERM, before SIGKILL. */
    static final long PROGRAM_GRACE_MILLIS = 2_000;
    /**
     * How long {@code --subprocesses} waits for a Python process in the tree of a running process: what py-spy
     * waits (ten rounds of 100 ms), then the tree holds no Python. A launched program's tree is waited for as long
     * as it runs, since launchers ({@code uv run}, shell scripts) may take a while to start Python.
     */
    static final long RUNNING_TREE_NANOS = 1_000_000_000L;

    private SessionPatience() {
    }
}
