// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.os.macos.calls.KernReturn;
import dev.pyspy4j.os.macos.calls.MacCalls;
import dev.pyspy4j.os.macos.calls.MachCallException;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;

/**
 * Turns a failed Mach call on an attached process into the failure users see: PROCESS_EXITED when the process is
 * gone (a dead task answers every call with an error), otherwise the kind the caller names.
 */
final class MachFailures {
    private final MacCalls calls;
    private final long pid;

    MachFailures(MacCalls calls, long pid) {
        this.calls = calls;
        this.pid = pid;
    }

    /** Whether a process with the pid still exists ({@code kill(pid, 0)} does not answer ESRCH). */
    boolean processExists() {
        return calls.signalProbe((int) pid) != KernReturn.ESRCH;
    }

    SpyException exited(Throwable cause) {
        return new SpyException(FailureKind.PROCESS_EXITED, "process " + pid + " exited", cause);
    }

    /** {@code failure} while {@code doing} (e.g. "list the threads"), as PROCESS_EXITED or {@code kind}. */
    SpyException of(MachCallException failure, FailureKind kind, String doing) {
        if (!processExists()) {
            return exited(failure);
        }
        return new SpyException(kind, "cannot " + doing + " of process " + pid + ": " + failure.getMessage(),
                failure);
    }
}
