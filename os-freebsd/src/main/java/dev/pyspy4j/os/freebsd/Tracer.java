// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import dev.pyspy4j.os.freebsd.kinfo.KinfoProc;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.util.OptionalLong;

/**
 * Stops and resumes one process with ptrace: PT_ATTACH makes the kernel send SIGSTOP, which stops every thread, and
 * waitpid returns once it has; PT_DETACH lets it run again. FreeBSD reads memory with PT_IO and lists threads with
 * PT_GETLWPLIST only while the process is traced and stopped, so every read needs this. Stops nest: a read inside a
 * pause neither attaches nor detaches again; only the outermost {@link #resume} detaches.
 *
 * <p>A signal that reaches the process between PT_ATTACH and the SIGSTOP stops it first; it is kept, the process
 * is continued until the SIGSTOP arrives, and the signal is handed back with PT_DETACH, so the target loses nothing.
 * A process that receives more than {@value #MAX_OTHER_STOPS} other signals first is let go with a failure; its
 * SIGSTOP may then still be pending and stop it untraced (a {@code kill -CONT} resumes it).
 */
final class Tracer {
    /** SIGSTOP on FreeBSD (sys/sys/signal.h). */
    static final int SIGSTOP = 17;
    /** How many other signals are passed on while waiting for the SIGSTOP before giving up. */
    private static final int MAX_OTHER_STOPS = 64;

    private final FreeBsdCalls calls;
    private final int pid;
    private final Failures failures;
    private int depth;
    private int signalToDeliver;

    Tracer(FreeBsdCalls calls, int pid, Failures failures) {
        this.calls = calls;
        this.pid = pid;
        this.failures = failures;
    }

    synchronized boolean isStopped() {
        return depth > 0;
    }

    /** Stops the process, or counts one more stop if it is stopped already. */
    synchronized void stop() {
        if (depth > 0) {
            depth++;
            return;
        }
        try {
            calls.ptraceAttach(pid);
        } catch (FreeBsdCallException e) {
            throw attachFailure(e);
        }
        try {
            awaitSigstop();
        } catch (RuntimeException e) {
            detachQuietly();
            throw e;
        }
        depth = 1;
    }

    /** Undoes one {@link #stop}; the last one lets the process run again. */
    synchronized void resume() {
        if (depth == 0) {
            return;
        }
        if (--depth > 0) {
            return;
        }
        int signal = signalToDeliver;
        signalToDeliver = 0;
        try {
            calls.ptraceDetach(pid, signal);
        } catch (FreeBsdCallException e) {
            if (e.errno() != FreeBsdCallException.ESRCH) {
                throw failures.of("the trace state", e);
            }
        }
    }

    /** Resumes the process whatever the count of stops (closing a target). */
    synchronized void resumeFully() {
        if (depth > 0) {
            depth = 1;
            resume();
        }
    }

    private void awaitSigstop() {
        for (int otherStops = 0; otherStops <= MAX_OTHER_STOPS; otherStops++) {
            int status = waitStatus();
            if (!WaitStatus.isStopped(status)) {
                throw failures.exited();
            }
            int signal = WaitStatus.stopSignal(status);
            if (signal == SIGSTOP) {
                return;
            }
            signalToDeliver = signal;
            try {
                calls.ptraceContinue(pid, 0);
            } catch (FreeBsdCallException e) {
                throw failures.of("the trace state", e);
            }
        }
        throw new SpyException(FailureKind.MEMORY_READ, "process " + pid + " did not stop for the debugger's SIGSTOP"
                + " within " + MAX_OTHER_STOPS + " other signals");
    }

    private int waitStatus() {
        try {
            return calls.waitpid(pid);
        } catch (FreeBsdCallException e) {
            throw failures.of("the trace state", e);
        }
    }

    private void detachQuietly() {
        int signal = signalToDeliver;
        signalToDeliver = 0;
        try {
            calls.ptraceDetach(pid, signal);
        } catch (FreeBsdCallException ignored) {
            // the process is gone or was never attached: nothing is left stopped either way
        }
    }

    private RuntimeException attachFailure(FreeBsdCallException e) {
        if (e.errno() == FreeBsdCallException.EBUSY || e.isRefusal()) {
            return failures.denied("attaching to", e, tracerOf());
        }
        return failures.of("the trace state", e);
    }

    /** PT_ATTACH answers EBUSY when another debugger traces the process; kinfo_proc names it. */
    private OptionalLong tracerOf() {
        try {
            return new KernProc(calls, pid).process().map(KinfoProc::tracerPid).filter(tracer -> tracer != 0)
                    .map(OptionalLong::of).orElse(OptionalLong.empty());
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
