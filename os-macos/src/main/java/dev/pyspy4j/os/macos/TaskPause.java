// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.os.macos.calls.MacCalls;
import dev.pyspy4j.os.macos.calls.MachCallException;
import dev.pyspy4j.os.macos.decode.X86ThreadState64;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.PauseHandle;
import java.util.List;
import java.util.Optional;

/**
 * The whole task stopped with {@code task_suspend} until {@link #close} calls {@code task_resume}: one suspension,
 * counted by the kernel, so threads started meanwhile are held too. The threads are listed only when asked for
 * (their ids or registers), and their ports are given back on close.
 */
final class TaskPause implements PauseHandle {
    private final MacCalls calls;
    private final int task;
    private final TargetArch arch;
    private final MachFailures failures;
    private final Runnable onClose;
    private MachThreads threads;
    private boolean closed;

    private TaskPause(MacCalls calls, int task, TargetArch arch, MachFailures failures, Runnable onClose) {
        this.calls = calls;
        this.task = task;
        this.arch = arch;
        this.failures = failures;
        this.onClose = onClose;
    }

    static TaskPause suspend(MacCalls calls, int task, TargetArch arch, MachFailures failures, Runnable onClose) {
        try {
            calls.taskSuspend(task);
        } catch (MachCallException e) {
            throw failures.of(e, FailureKind.PERMISSION_DENIED, "suspend the task");
        }
        return new TaskPause(calls, task, arch, failures, onClose);
    }

    @Override
    public List<Long> stoppedThreads() {
        return listed().threads().stream().map(MachThreads.MachThread::threadId).toList();
    }

    /** The x86_64 registers from {@code thread_get_state(x86_THREAD_STATE64)}; empty on arm64 (not yet read). */
    @Override
    public Optional<Registers> registers(long osThreadId) {
        if (closed || !arch.equals(TargetArch.X86_64)) {
            return Optional.empty();
        }
        for (MachThreads.MachThread thread : listed().threads()) {
            if (thread.threadId() == osThreadId) {
                try {
                    return Optional.of(X86ThreadState64.decode(calls.threadGetState(thread.port(),
                            X86ThreadState64.FLAVOR, X86ThreadState64.COUNT)));
                } catch (MachCallException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private MachThreads listed() {
        if (threads == null) {
            threads = MachThreads.list(calls, task, failures);
        }
        return threads;
    }

    /** Resumes the task (once), then gives back the thread ports, even when the resume fails. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            calls.taskResume(task);
        } catch (MachCallException e) {
            // The task ended while paused: nothing is left to resume.
        } finally {
            if (threads != null) {
                threads.close();
            }
            onClose.run();
        }
    }
}
