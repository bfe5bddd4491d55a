// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.os.linux.jna.Errno;
import dev.pyspy4j.os.linux.jna.NativeCallException;
import dev.pyspy4j.spi.AccessDenial;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.PermissionDeniedException;
import dev.pyspy4j.spi.SpyException;
import java.util.OptionalLong;

/** Explains why a thread could not be seized, telling a debugger already attached from a refused permission. */
final class PauseFailures {
    /** How long a process traced by ourselves gets to finish dying before the failure is taken at its word. */
    private static final long OWN_TRACE_GRACE_MILLIS = 500;
    private static final long POLL_MILLIS = 5;

    private PauseFailures() {
    }

    static SpyException seizeFailed(long pid, ProcFs proc, NativeCallException e) {
        return seizeFailed(pid, proc, AccessDenials.system(), e);
    }

    static SpyException seizeFailed(long pid, ProcFs proc, AccessDenials denials, NativeCallException e) {
        if (e.errno() != Errno.EPERM) {
            return new SpyException(FailureKind.INTERNAL, "cannot pause process " + pid + ": " + e.getMessage(), e);
        }
        if (!ProcessLiveness.isAlive(proc)) {
            // Seizing a task that is exiting fails with EPERM too: the process ended while being paused.
            return new SpyException(FailureKind.PROCESS_EXITED, "process " + pid + " has exited", e);
        }
        AccessDenial denial = denials.of(pid);
        if (denial.tracerPid().equals(OptionalLong.of(ProcessHandle.current().pid()))
                && diesWithin(proc, OWN_TRACE_GRACE_MILLIS)) {
            // Still traced by this very process after its pause let go: a task killed while paused cannot be
            // detached, and stays traced by us until the kernel has taken it down.
            return new SpyException(FailureKind.PROCESS_EXITED, "process " + pid + " has exited", e);
        }
        if (denial.tracerPid().isPresent()) {
            // A thread has one tracer at a time (ptrace(2), EPERM: "the process is already being traced").
            return new PermissionDeniedException("cannot pause process " + pid + ": it is already traced by process "
                    + denial.tracerPid().getAsLong() + " (a debugger or another profiler)", null, denial, e);
        }
        return new PermissionDeniedException("permission denied pausing process " + pid + " with ptrace", null,
                denial, e);
    }

    private static boolean diesWithin(ProcFs proc, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (ProcessLiveness.isAlive(proc)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
