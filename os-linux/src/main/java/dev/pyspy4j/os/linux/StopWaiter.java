// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.pyspy4j.os.linux.jna.Errno;
import dev.pyspy4j.os.linux.jna.LinuxCalls;
import dev.pyspy4j.os.linux.jna.NativeCallException;
import dev.pyspy4j.os.linux.proc.TaskStat;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until a seized thread stops, and tells which signal (if any) it was about to receive. Runs on the
 * tracer thread.
 *
 * <p>A blocking wait is the cheapest, but the caller must know that a report will come. waitpid(2) lets any
 * thread of the tracer's process collect a tracee's stops (unless {@code __WNOTHREAD}), and the JDK's process
 * reaper thread calls {@code waitpid(pid, &status, 0)} for every process the JVM started: when the target is such
 * a child, the reaper can take its main thread's stop report. And a dead main thread reports nothing while
 * another thread of its process waits to be reaped. Where a report may never come this waits by polling, tells
 * a dead thread from the task's state, and learns a stop's cause from {@code PTRACE_GETSIGINFO} when the report
 * was taken.
 */
final class StopWaiter {
    /** Returned when the thread exited instead of stopping. */
    static final int GONE = -1;

    private static final int SIGTRAP = 5;
    private static final int SPINS_BEFORE_SLEEPING = 50;
    private static final long POLL_INTERVAL_NANOS = 20_000;
    private static final int POLLS_PER_STATE_READ = 8;

    private final ProcFs proc;
    private final Memory status = new Memory(4);
    private final Memory siginfo = new Memory(LinuxCalls.SIGINFO_SIZE);

    StopWaiter(ProcFs proc) {
        this.proc = proc;
    }

    /**
     * @param reportIsCertain whether the thread's stop or exit is sure to be reported to this thread
     * @return the signal to hand back when resuming (0 for none), or {@link #GONE}
     */
    int await(int tid, boolean reportIsCertain) {
        return reportIsCertain ? awaitBlocking(tid) : awaitPolling(tid);
    }

    /**
     * Blocks until the report comes. Polling first would catch a thread that stops on another CPU a little sooner,
     * but a thread interrupted on a CPU of its own takes tens of microseconds to reach its stop here, and polls
     * for that long cost more of this process's CPU than going to sleep and being woken (measured on two cores:
     * about 80 instead of 190 µs of CPU per sample at 1000 Hz, with no loss of the target's speed that the noise of
     * a shared machine let show).
     */
    private int awaitBlocking(int tid) {
        while (true) {
            Optional<Integer> outcome = poll(tid, LinuxCalls.WALL);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
    }

    /**
     * Polls without blocking: a few polls in a row catch a thread stopping on another CPU; after them this sleeps
     * between polls, so that a thread that needs this CPU to reach its stop gets it, and reads the thread's state
     * (a report that never comes: the thread died, or another thread took its stop) only every few polls, as a read
     * of {@code /proc} costs several polls' time.
     */
    private int awaitPolling(int tid) {
        for (int attempt = 0; ; attempt++) {
            Optional<Integer> outcome = poll(tid, LinuxCalls.WALL | LinuxCalls.WNOHANG);
            if (outcome.isPresent()) {
                return outcome.get();
            }
            if (attempt < SPINS_BEFORE_SLEEPING) {
                Thread.onSpinWait();
                continue;
            }
            if ((attempt - SPINS_BEFORE_SLEEPING) % POLLS_PER_STATE_READ == 0) {
                Optional<TaskStat> stat = proc.taskStat(tid);
                if (stat.isEmpty() || ProcessLiveness.isDead(stat.get().state())) {
                    return GONE;
                }
                if (stat.get().state() == 't') {
                    return signalOfCurrentStop(tid);
                }
            }
            LockSupport.parkNanos(POLL_INTERVAL_NANOS);
        }
    }

    /** One waitpid call; empty while there is nothing (yet) to act on. */
    private Optional<Integer> poll(int tid, int options) {
        int changed;
        try {
            changed = LinuxCalls.waitpid(tid, Pointer.nativeValue(status), options);
        } catch (NativeCallException e) {
            if (e.errno() == Errno.EINTR) {
                return Optional.empty();
            }
            if (e.errno() == Errno.ECHILD) {
                return Optional.of(GONE);
            }
            throw e;
        }
        if (changed != tid) {
            return Optional.empty();
        }
        WaitStatus change = new WaitStatus(status.getInt(0));
        if (change.stopped()) {
            // A signal-delivery stop can come before the interrupt's PTRACE_EVENT_STOP. The thread is stopped
            // either way; the signal is handed back on PTRACE_DETACH so that the target never loses it.
            return Optional.of(change.isSignalDeliveryStop() ? change.stopSignal() : 0);
        }
        return change.exited() || change.killedBySignal() ? Optional.of(GONE) : Optional.empty();
    }

    /**
     * The signal of a stop whose wait report someone else took. ptrace(2): an event stop's siginfo has
     * {@code si_code == event << 8 | SIGTRAP}; a group-stop has none (EINVAL); anything else is a
     * signal-delivery stop for {@code si_signo}.
     */
    private int signalOfCurrentStop(int tid) {
        try {
            LinuxCalls.ptraceGetSiginfo(tid, Pointer.nativeValue(siginfo));
        } catch (NativeCallException e) {
            if (e.errno() == Errno.EINVAL) {
                return 0;
            }
            if (e.errno() == Errno.ESRCH) {
                return GONE;
            }
            throw e;
        }
        int signal = siginfo.getInt(0);
        int code = siginfo.getInt(8);
        return signal == SIGTRAP && (code >> 8) != 0 ? 0 : signal;
    }
}
