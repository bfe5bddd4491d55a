// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import dev.pyspy4j.spi.process.PauseHandle;
import java.util.function.BooleanSupplier;

/**
 * A process stopped with {@code NtSuspendProcess}, which suspends every thread, including threads it starts while
 * suspended, and counts: each suspension needs its own {@code NtResumeProcess}. Closing resumes it exactly once.
 */
final class SuspendedProcess implements PauseHandle {
    private final WindowsCalls calls;
    private final long process;
    private final long pid;
    private final BooleanSupplier alive;
    private boolean resumed;

    private SuspendedProcess(WindowsCalls calls, long process, long pid, BooleanSupplier alive) {
        this.calls = calls;
        this.process = process;
        this.pid = pid;
        this.alive = alive;
    }

    /** Suspends the process; nothing is left to resume when this fails. */
    static SuspendedProcess suspend(WindowsCalls calls, long process, long pid, BooleanSupplier alive) {
        try {
            calls.ntSuspendProcess(process);
        } catch (WindowsCallException e) {
            throw WindowsErrors.callFailed(pid, "suspending", e, alive.getAsBoolean());
        }
        return new SuspendedProcess(calls, process, pid, alive);
    }

    boolean isResumed() {
        return resumed;
    }

    /** Resumes the process; a process that exited meanwhile needs no resuming, any other failure is reported. */
    @Override
    public void close() {
        if (resumed) {
            return;
        }
        resumed = true;
        try {
            calls.ntResumeProcess(process);
        } catch (WindowsCallException e) {
            if (alive.getAsBoolean()) {
                throw WindowsErrors.callFailed(pid, "resuming", e, true);
            }
        }
    }
}
