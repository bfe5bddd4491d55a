// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.PauseHandle;

/**
 * Pauses one target and guarantees it is resumed: by the handle, by {@link #close()}, or by a JVM shutdown hook
 * if the program exits normally while the target is paused. (Were the JVM killed instead, the kernel would
 * detach its tracees when the tracer thread dies.) Thread-safe.
 */
final class PtracePauser implements AutoCloseable {
    private final long pid;
    private final PtraceTracer tracer;
    private final ThreadStopper stopper;
    private final Thread shutdownHook;
    private Pause current;
    private boolean closed;

    PtracePauser(long pid, ProcFs proc) {
        this.pid = pid;
        this.tracer = new PtraceTracer(pid);
        this.stopper = new ThreadStopper(pid, proc);
        this.shutdownHook = new Thread(this::resumeIfPaused, "pyspy4j-resume-" + pid);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Stops every thread of the target until the returned handle is closed.
     *
     * @throws SpyException PERMISSION_DENIED, PROCESS_EXITED, or INTERNAL when already paused or closed
     */
    synchronized PauseHandle pause() {
        if (closed) {
            throw new SpyException(FailureKind.INTERNAL, "process " + pid + " was closed; it cannot be paused");
        }
        if (current != null) {
            throw new SpyException(FailureKind.INTERNAL, "process " + pid + " is already paused");
        }
        tracer.run(stopper::stopAll);
        current = new Pause();
        return current;
    }

    /** Resumes the target if paused and ends the tracer thread. Closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        resumeIfPaused();
        closed = true;
        tracer.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook is running or about to run; it finds nothing paused.
        }
    }

    private synchronized void resumeIfPaused() {
        if (current != null) {
            current.close();
        }
    }

    private synchronized void resume(Pause pause) {
        if (current == pause) {
            current = null;
            tracer.run(stopper::resumeAll);
        }
    }

    /** One pause; closing it again, or after the pauser closed, does nothing. */
    private final class Pause implements PauseHandle {
        @Override
        public void close() {
            resume(this);
        }
    }
}
