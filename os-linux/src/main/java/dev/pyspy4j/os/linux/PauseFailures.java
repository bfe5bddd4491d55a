// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.os.linux.jna.Errno;
import dev.pyspy4j.os.linux.jna.NativeCallException;
import dev.pyspy4j.os.linux.proc.ProcStatus;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.util.OptionalLong;

/** Explains why a thread could not be seized, telling a debugger already attached from a refused permission. */
final class PauseFailures {
    private PauseFailures() {
    }

    static SpyException seizeFailed(long pid, ProcFs proc, NativeCallException e) {
        if (e.errno() != Errno.EPERM) {
            return new SpyException(FailureKind.INTERNAL, "cannot pause process " + pid + ": " + e.getMessage(), e);
        }
        if (!ProcessLiveness.isAlive(proc)) {
            // Seizing a task that is exiting fails with EPERM too: the process ended while being paused.
            return new SpyException(FailureKind.PROCESS_EXITED, "process " + pid + " has exited", e);
        }
        OptionalLong tracer = tracerOf(proc);
        if (tracer.isPresent() && tracer.getAsLong() != 0) {
            // A thread has one tracer at a time (ptrace(2), EPERM: "the process is already being traced").
            return new SpyException(FailureKind.PERMISSION_DENIED, "cannot pause process " + pid
                    + ": it is already traced by process " + processOfThread(tracer.getAsLong())
                    + " (a debugger or another profiler)", e);
        }
        return new SpyException(FailureKind.PERMISSION_DENIED, "permission denied pausing process " + pid
                + " with ptrace", e);
    }

    private static OptionalLong tracerOf(ProcFs proc) {
        try {
            return ProcStatus.parse(proc.readText("status"), proc.dir() + "/status").tracerPid();
        } catch (SpyException unreadable) {
            return OptionalLong.empty();
        }
    }

    /** TracerPid names the tracing <em>thread</em>; users know the process it belongs to. */
    private static long processOfThread(long tid) {
        try {
            return ProcStatus.parse(new ProcFs(tid).readText("status"), "status of " + tid).threadGroupId().orElse(tid);
        } catch (SpyException unreadable) {
            return tid;
        }
    }
}
