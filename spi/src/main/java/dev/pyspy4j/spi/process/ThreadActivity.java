// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

/** Whether a thread was doing work when looked at. */
public enum ThreadActivity {
    /** On a CPU or runnable, not waiting in the kernel. */
    ACTIVE,
    /** Sleeping or blocked (in a system call that waits, on a lock, on I/O). */
    IDLE,
    /** Could not be determined (thread gone, no permission). */
    UNKNOWN
}
