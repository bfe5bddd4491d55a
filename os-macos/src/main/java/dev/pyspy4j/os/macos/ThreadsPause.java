// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.os.macos.calls.MacCalls;
import dev.pyspy4j.os.macos.calls.MachCallException;
import dev.pyspy4j.spi.process.PauseHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Some threads stopped one by one with {@code thread_suspend}, in the order {@code task_threads} lists them, and
 * resumed in the reverse order. A thread that ended is skipped. When stopping fails half way, the threads already
 * stopped are resumed before the failure is thrown, so the target is never left stopped.
 */
final class ThreadsPause implements PauseHandle {
    private final MacCalls calls;
    private final MachThreads threads;
    private final Deque<MachThreads.MachThread> suspended = new ArrayDeque<>();
    private final Runnable onClose;
    private boolean closed;

    private ThreadsPause(MacCalls calls, MachThreads threads, Runnable onClose) {
        this.calls = calls;
        this.threads = threads;
        this.onClose = onClose;
    }

    static ThreadsPause suspend(MacCalls calls, int task, Collection<Long> osThreadIds, MachFailures failures,
                                Runnable onClose) {
        Set<Long> wanted = Set.copyOf(osThreadIds);
        ThreadsPause pause = new ThreadsPause(calls, MachThreads.list(calls, task, failures), onClose);
        try {
            for (MachThreads.MachThread thread : pause.threads.threads()) {
                if (!wanted.contains(thread.threadId())) {
                    continue;
                }
                try {
                    calls.threadSuspend(thread.port());
                    pause.suspended.push(thread);
                } catch (MachCallException e) {
                    // The thread ended after it was listed.
                }
            }
            return pause;
        } catch (RuntimeException e) {
            pause.close();
            throw e;
        }
    }

    @Override
    public List<Long> stoppedThreads() {
        List<Long> ids = new ArrayList<>(suspended.size());
        suspended.descendingIterator().forEachRemaining(thread -> ids.add(thread.threadId()));
        return ids;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            while (!suspended.isEmpty()) {
                MachThreads.MachThread thread = suspended.pop();
                try {
                    calls.threadResume(thread.port());
                } catch (MachCallException e) {
                    // The thread ended while stopped.
                }
            }
        } finally {
            threads.close();
            onClose.run();
        }
    }
}
