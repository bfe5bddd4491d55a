// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

/**
 * Decodes a {@code waitpid(2)} status word as glibc's {@code W*} macros do (bits/waitstatus.h); for ptrace stops
 * the bits above 16 carry the {@code PTRACE_EVENT_*} number (ptrace(2), "Group-stop" and "PTRACE_EVENT stops").
 */
record WaitStatus(int raw) {
    /** {@code PTRACE_EVENT_STOP}: the stop of {@code PTRACE_INTERRUPT} or a group-stop of a seized thread. */
    static final int PTRACE_EVENT_STOP = 128;

    boolean exited() {
        return (raw & 0x7f) == 0;
    }

    boolean killedBySignal() {
        return ((byte) ((raw & 0x7f) + 1) >> 1) > 0;
    }

    boolean stopped() {
        return (raw & 0xff) == 0x7f;
    }

    int stopSignal() {
        return (raw >> 8) & 0xff;
    }

    int event() {
        return (raw >>> 16) & 0xff;
    }

    /** A stop that reports a signal about to be delivered, rather than a ptrace event (ptrace(2)). */
    boolean isSignalDeliveryStop() {
        return stopped() && event() == 0;
    }
}
