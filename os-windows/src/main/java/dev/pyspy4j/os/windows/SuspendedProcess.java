// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.PauseHandle;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A process stopped with {@code NtSuspendProcess}, which suspends every thread, including threads it starts while
 * suspended, and counts: each suspension needs its own {@code NtResumeProcess}. Closing resumes it exactly once.
 * Registers come from {@code OpenThread} and {@code GetThreadContext}, for the process's own threads only.
 */
final class SuspendedProcess implements PauseHandle {
    /** {@code THREAD_GET_CONTEXT | THREAD_QUERY_LIMITED_INFORMATION} ({@code winnt.h}). */
    static final int THREAD_ACCESS = 0x0008 | 0x0800;

    private final WindowsCalls calls;
    private final long process;
    private final long pid;
    private final BooleanSupplier alive;
    private Set<Long> threads;
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

    /**
     * The registers of thread {@code osThreadId} of this process; empty for a thread of another process, one that
     * ended, or one whose context Windows would not give.
     */
    @Override
    public Optional<Registers> registers(long osThreadId) {
        if (resumed || !threadsOfProcess().contains(osThreadId)) {
            return Optional.empty();
        }
        long thread;
        try {
            thread = calls.openThread(THREAD_ACCESS, osThreadId);
        } catch (WindowsCallException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(ThreadContext.decode(calls.getThreadContext(thread)));
        } catch (WindowsCallException e) {
            return Optional.empty();
        } finally {
            calls.closeHandle(thread);
        }
    }

    /** The process's threads, listed once per pause: a thread id alone does not say which process it is in. */
    private Set<Long> threadsOfProcess() {
        if (threads == null) {
            try {
                threads = new HashSet<>(Toolhelp.threadIds(calls, pid));
            } catch (WindowsCallException e) {
                throw WindowsErrors.callFailed(pid, "listing the threads of", e, alive.getAsBoolean());
            }
        }
        return threads;
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
