// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.pyspy4j.os.linux.jna.Errno;
import dev.pyspy4j.os.linux.jna.LinuxCalls;
import dev.pyspy4j.os.linux.jna.NativeCallException;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Stops and restarts the threads of one process with {@code PTRACE_SEIZE} + {@code PTRACE_INTERRUPT} and
 * {@code PTRACE_DETACH}. Seizing, unlike {@code PTRACE_ATTACH}, sends no SIGSTOP that could mix with the target's
 * own job-control signals (ptrace(2), "PTRACE_SEIZE"). A stop and its resume must run on the same thread.
 */
final class ThreadStopper {
    private final long pid;
    private final ProcFs proc;
    private final Memory status = new Memory(4);
    private final StopWaiter waiter;
    private final boolean targetIsOurChild;
    /** Stopped threads and the signal each must receive when let go (0 for none). */
    private final Map<Integer, Integer> stopped = new LinkedHashMap<>();
    /** The threads found by the last pause: stopped first next time, usually without listing the threads. */
    private List<Long> lastThreads = List.of();
    /** Threads killed while stopped whose detach failed before they were dead: still traced by us until reaped. */
    private final Set<Integer> unreaped = new HashSet<>();
    private final ThreadCount threadCount;

    ThreadStopper(long pid, ProcFs proc) {
        this.pid = pid;
        this.proc = proc;
        this.waiter = new StopWaiter(proc);
        this.threadCount = new ThreadCount(proc);
        // The JDK's reaper thread waits for every process this JVM started; see StopWaiter.
        this.targetIsOurChild = proc.stat().map(stat -> stat.parentPid() == ProcessHandle.current().pid())
                .orElse(false);
    }

    /**
     * Stops every thread, including threads created while this runs: interrupts the threads of the previous pause
     * (gone ones fail harmlessly), waits for them to stop, then lists the threads and repeats with the new ones
     * until a listing brings nothing new (a stopped thread cannot create threads, so the last listing is
     * complete). When the threads of the previous pause are all there is ({@code num_threads} says how many
     * threads exist), no listing is needed at all.
     */
    void stopAll() {
        reapLeftovers();
        List<Integer> pending = new ArrayList<>();
        try {
            Set<Long> known = new HashSet<>();
            List<Long> fresh = lastThreads.isEmpty() ? newThreads(known) : new ArrayList<>(lastThreads);
            for (; !fresh.isEmpty(); fresh = allKnownStopped() ? List.of() : newThreads(known)) {
                known.addAll(fresh);
                for (long tid : fresh) {
                    if (seizeAndInterrupt((int) tid)) {
                        pending.add((int) tid);
                    }
                }
                awaitAll(pending);
            }
            if (stopped.isEmpty() || !stopped.containsKey((int) pid) && !isAlive()) {
                throw new SpyException(FailureKind.PROCESS_EXITED, "process " + pid + " has exited");
            }
            lastThreads = stoppedThreads();
        } catch (RuntimeException e) {
            pending.forEach(this::awaitStopQuietly);
            resumeAll();
            throw e;
        }
    }

    /**
     * Stops the given threads only; ids of threads that ended are skipped. Threads created meanwhile are not looked
     * for, and the threads of the last full stop are left as they were for the next {@link #stopAll}.
     */
    void stopOnly(Collection<Long> threads) {
        reapLeftovers();
        List<Integer> pending = new ArrayList<>();
        try {
            for (long tid : threads) {
                if (tid == (int) tid && !stopped.containsKey((int) tid) && seizeAndInterrupt((int) tid)) {
                    pending.add((int) tid);
                }
            }
            awaitAll(pending);
        } catch (RuntimeException e) {
            pending.forEach(this::awaitStopQuietly);
            resumeAll();
            throw e;
        }
    }

    /** Lets every stopped thread go, handing back any signal that arrived while it was held. */
    void resumeAll() {
        for (int tid : leaderLast(stopped.keySet())) {
            try {
                LinuxCalls.ptraceDetach(tid, stopped.get(tid));
            } catch (NativeCallException e) {
                // ESRCH: the thread was killed (SIGKILL ends even traced threads) and waits to be reaped by us.
                if (!reapIfExited(tid)) {
                    unreaped.add(tid);
                }
            }
        }
        stopped.clear();
    }

    /** The threads stopped now, in the order they were stopped. */
    List<Long> stoppedThreads() {
        // A loop, not a stream: asked at every pause, and a stream costs microseconds where only C1 compiles.
        List<Long> threads = new ArrayList<>(stopped.size());
        for (int tid : stopped.keySet()) {
            threads.add((long) tid);
        }
        return threads;
    }

    /** Whether {@code tid} is one of the threads stopped now. */
    boolean isStopped(long tid) {
        return tid == (int) tid && stopped.containsKey((int) tid);
    }

    /** Whether every thread of the process is stopped, judged by the count alone (cheaper than a listing). */
    private boolean allKnownStopped() {
        OptionalInt count = threadCount.read();
        return count.isPresent() && count.getAsInt() == stopped.size();
    }

    /** Releases the open {@code stat} file. */
    void close() {
        reapLeftovers();
        threadCount.close();
    }

    private List<Long> newThreads(Set<Long> known) {
        List<Long> current = proc.taskIds();
        current.removeAll(known);
        return current;
    }

    /** Seizes and interrupts one thread; false when it is already gone. */
    private boolean seizeAndInterrupt(int tid) {
        try {
            LinuxCalls.ptraceSeize(tid, 0);
        } catch (NativeCallException e) {
            if (e.errno() == Errno.ESRCH || e.errno() == Errno.EPERM && isGoneOrEnding(tid)) {
                return false;
            }
            throw PauseFailures.seizeFailed(pid, proc, e);
        }
        try {
            LinuxCalls.ptraceInterrupt(tid);
        } catch (NativeCallException e) {
            // The thread is ours but died before the interrupt; waiting below collects its exit.
            if (e.errno() != Errno.ESRCH) {
                throw PauseFailures.seizeFailed(pid, proc, e);
            }
        }
        return true;
    }

    /**
     * Waits for the seized threads to stop or exit, the main thread last: a main thread that died cannot report
     * its exit while another thread we trace is an unreaped zombie, so it is waited for after all of those.
     */
    private void awaitAll(List<Integer> pending) {
        List<Integer> ordered = leaderLast(pending);
        pending.clear();
        pending.addAll(ordered);
        while (!pending.isEmpty()) {
            awaitStop(pending.get(0));
            pending.remove(0);
        }
    }

    /** Waits for one seized thread to stop or to exit. */
    private void awaitStop(int tid) {
        int signal = waiter.await(tid, blockingWaitCanEnd(tid));
        if (signal != StopWaiter.GONE) {
            stopped.put(tid, signal);
        }
    }

    /**
     * Whether a blocking wait for {@code tid} is sure to return. Another thread's wait reports never hold it up.
     * The main thread's can be held up forever: the JDK's reaper takes the reports of this JVM's children, and a
     * main thread killed by an exit_group reports only once every other thread is reaped, which for a thread
     * still traced by us (stopped now, or left dying by an earlier pause) needs this very thread.
     */
    private boolean blockingWaitCanEnd(int tid) {
        return tid != pid || !targetIsOurChild && stopped.isEmpty() && unreaped.isEmpty();
    }

    private List<Integer> leaderLast(Collection<Integer> threads) {
        List<Integer> ordered = new ArrayList<>(threads);
        if (ordered.remove(Integer.valueOf((int) pid))) {
            ordered.add((int) pid);
        }
        return ordered;
    }

    /** Collects the threads whose earlier detach found them dying, so that the process can finish exiting. */
    private void reapLeftovers() {
        if (!unreaped.isEmpty()) {
            unreaped.removeIf(this::reapIfExited);
        }
    }

    private void awaitStopQuietly(int tid) {
        try {
            awaitStop(tid);
        } catch (NativeCallException e) {
            // Cleanup after another failure: that first failure is what the caller reports, not this one.
        }
    }

    /** Whether the thread is gone for good: reaped now, or already released by the kernel. */
    private boolean reapIfExited(int tid) {
        try {
            return LinuxCalls.waitpid(tid, Pointer.nativeValue(status), LinuxCalls.WALL | LinuxCalls.WNOHANG) == tid;
        } catch (NativeCallException e) {
            // ECHILD: the kernel already released the thread; nothing is left to reap.
            return e.errno() == Errno.ECHILD;
        }
    }

    /** Seizing a thread that is exiting fails with EPERM; so does seizing one that an earlier pause left dying. */
    private boolean isGoneOrEnding(int tid) {
        return proc.taskStat(tid).map(ProcessLiveness::isEnding).orElse(true);
    }

    private boolean isAlive() {
        return ProcessLiveness.isAlive(proc);
    }
}
