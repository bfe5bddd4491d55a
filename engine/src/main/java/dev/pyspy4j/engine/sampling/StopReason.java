// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

/** Why sampling ended; every reason ends normally, with whatever was collected kept. */
public enum StopReason {
    /** Every sampled process exited. */
    TARGET_EXITED,
    /** The sampled process replaced its program with {@code execve(2)}; only a process tree follows it. */
    TARGET_EXECED,
    /** The requested duration passed. */
    DURATION,
    /** SIGINT: Control-C in a terminal. */
    INTERRUPTED,
    /** SIGTERM, e.g. from {@code kill} or a process supervisor. */
    TERMINATED,
    /** The JVM began shutting down for another reason (e.g. SIGHUP when the terminal closed). */
    SHUTDOWN
}
