// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The one OS thread that issues every ptrace and waitpid call for a target. Linux makes the calling
 * <em>thread</em> the tracer (ptrace(2): tracees belong to a thread, and PTRACE_DETACH must come from it), so
 * pausing on one thread and resuming on another cannot work; this daemon thread is the tracer whoever asks.
 *
 * <p>Work is handed over through one slot with park/unpark, which is all an executor would do here minus its
 * queue and future. Spinning instead of parking was measured and made pauses slower on a busy 2-CPU machine:
 * the target's threads need the CPUs to reach their stops.
 */
final class PtraceTracer implements AutoCloseable {
    private final Thread thread;
    private final AtomicReference<Job> pending = new AtomicReference<>();
    private volatile boolean closed;

    PtraceTracer(long pid) {
        thread = new Thread(this::serve, "pyspy4j-ptrace-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code work} on the tracer thread and waits for it without giving up when interrupted: a pause or
     * resume must finish, or the target could stay stopped. The caller's interrupt flag is kept.
     */
    synchronized void run(Runnable work) {
        if (closed) {
            throw new IllegalStateException("the ptrace thread has been shut down");
        }
        Job job = new Job(work, Thread.currentThread());
        pending.set(job);
        LockSupport.unpark(thread);
        job.await();
    }

    /** Ends the thread; the kernel detaches any tracee that a dying tracer thread leaves (ptrace(2)). */
    @Override
    public synchronized void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    private void serve() {
        while (!closed) {
            Job job = pending.getAndSet(null);
            if (job != null) {
                job.run();
            } else {
                LockSupport.park(this);
            }
        }
    }

    /** One piece of work and its outcome, handed from a caller to the tracer thread and back. */
    private static final class Job {
        private final Runnable work;
        private final Thread caller;
        private volatile boolean done;
        private RuntimeException failure;

        Job(Runnable work, Thread caller) {
            this.work = work;
            this.caller = caller;
        }

        void run() {
            try {
                work.run();
            } catch (RuntimeException e) {
                failure = e;
            }
            done = true;
            LockSupport.unpark(caller);
        }

        void await() {
            while (!done) {
                // park() returns at once while the caller is interrupted, and may return spuriously: loop.
                LockSupport.park(this);
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
