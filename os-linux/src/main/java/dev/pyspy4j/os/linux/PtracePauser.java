// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.PauseHandle;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Pauses one target and resumes it. Linux makes the calling <em>thread</em> the tracer (ptrace(2): tracees
 * belong to a thread, and {@code PTRACE_DETACH} must come from it), so a pause runs its ptrace calls on the thread
 * that asked for it and must be resumed by that same thread; handing the calls to another thread would cost two
 * context switches each way on every sample. If the JVM exits while paused, the kernel detaches the tracees of
 * the dying tracer thread and they run again (ptrace(2), "the tracer ... exits"). Thread-safe.
 */
final class PtracePauser implements AutoCloseable {
    private final long pid;
    private final ThreadStopper stopper;
    private final RegisterReader registerReader = new RegisterReader();
    private Pause current;
    private boolean closed;

    PtracePauser(long pid, ProcFs proc) {
        this.pid = pid;
        this.stopper = new ThreadStopper(pid, proc);
    }

    /**
     * Stops every thread of the target until the returned handle is closed by the calling thread.
     *
     * @throws SpyException PERMISSION_DENIED, PROCESS_EXITED, or INTERNAL when already paused or closed
     */
    synchronized PauseHandle pause() {
        refuseWhenClosedOrPaused();
        stopper.stopAll();
        current = new Pause(Thread.currentThread());
        return current;
    }

    /**
     * Stops the given threads only (those that still exist) until the returned handle is closed by the calling
     * thread.
     *
     * @throws SpyException PERMISSION_DENIED, or INTERNAL when already paused or closed
     */
    synchronized PauseHandle pauseThreads(Collection<Long> threads) {
        refuseWhenClosedOrPaused();
        stopper.stopOnly(threads);
        current = new Pause(Thread.currentThread());
        return current;
    }

    private void refuseWhenClosedOrPaused() {
        if (closed) {
            throw new SpyException(FailureKind.INTERNAL, "process " + pid + " was closed; it cannot be paused");
        }
        if (current != null) {
            throw new SpyException(FailureKind.INTERNAL, "process " + pid + " is already paused");
        }
    }

    /**
     * Refuses further pauses and, when called by the thread holding the current pause, resumes the target. Any
     * other thread leaves the pause to its holder, whose handle still resumes it (or whose exit does). Harmless
     * twice.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (current != null && current.tracer == Thread.currentThread()) {
            current.close();
        }
        stopper.close();
    }

    private synchronized void resume(Pause pause) {
        if (current != pause) {
            return;
        }
        current = null;
        if (Thread.currentThread() != pause.tracer) {
            // Only the tracer thread may detach; its exit (or the JVM's) detaches and resumes the threads instead.
            throw new SpyException(FailureKind.INTERNAL, "process " + pid + " must be resumed by the thread "
                    + "that paused it ('" + pause.tracer.getName() + "')");
        }
        stopper.resumeAll();
    }

    private synchronized List<Long> stoppedThreads(Pause pause) {
        return current == pause ? stopper.stoppedThreads() : List.of();
    }

    /**
     * Reads registers only on request, so that a sample without native stacks costs no extra system call. Only the
     * tracer thread can read a tracee's registers; another thread asking is a programming error.
     */
    private synchronized Optional<Registers> registers(Pause pause, long tid) {
        if (current != pause || !stopper.isStopped(tid)) {
            return Optional.empty();
        }
        if (Thread.currentThread() != pause.tracer) {
            throw new SpyException(FailureKind.INTERNAL, "the registers of process " + pid + " can only be read "
                    + "by the thread that paused it ('" + pause.tracer.getName() + "')");
        }
        return registerReader.read((int) tid);
    }

    /** One pause; closing it again, or after the pauser closed, does nothing. */
    private final class Pause implements PauseHandle {
        private final Thread tracer;

        Pause(Thread tracer) {
            this.tracer = tracer;
        }

        @Override
        public List<Long> stoppedThreads() {
            return PtracePauser.this.stoppedThreads(this);
        }

        @Override
        public Optional<Registers> registers(long osThreadId) {
            return PtracePauser.this.registers(this, osThreadId);
        }

        @Override
        public void close() {
            resume(this);
        }
    }
}
