// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.os.macos.calls.MacCalls;
import dev.pyspy4j.os.macos.calls.MachCallException;
import dev.pyspy4j.os.macos.decode.ThreadIdentifierInfo;
import dev.pyspy4j.spi.FailureKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The threads of a task as {@code task_threads} hands them out: a send right (port) per thread, which the caller
 * owns and must give back. Each is identified with {@code thread_info(THREAD_IDENTIFIER_INFO)}; a thread that ended
 * between the two calls is left out (its port is released at once).
 */
final class MachThreads implements AutoCloseable {
    /** One thread: its port (valid until {@link #close}), its system-wide id and its TSD base. */
    record MachThread(int port, long threadId, long threadHandle) {
    }

    private final MacCalls calls;
    private final List<MachThread> threads;
    private final int[] ports;
    private boolean released;

    private MachThreads(MacCalls calls, int[] ports, List<MachThread> threads) {
        this.calls = calls;
        this.ports = ports;
        this.threads = threads;
    }

    /** Lists the threads of {@code task}; on any failure every port obtained is released before the throw. */
    static MachThreads list(MacCalls calls, int task, MachFailures failures) {
        int[] ports;
        try {
            ports = calls.taskThreads(task);
        } catch (MachCallException e) {
            throw failures.of(e, FailureKind.MEMORY_READ, "list the threads");
        }
        List<MachThread> threads = new ArrayList<>(ports.length);
        MachThreads listed = new MachThreads(calls, ports, threads);
        try {
            for (int port : ports) {
                try {
                    ThreadIdentifierInfo info = ThreadIdentifierInfo.decode(
                            calls.threadInfo(port, ThreadIdentifierInfo.FLAVOR, ThreadIdentifierInfo.COUNT));
                    threads.add(new MachThread(port, info.threadId(), info.threadHandle()));
                } catch (MachCallException e) {
                    // The thread ended after task_threads listed it.
                }
            }
            return listed;
        } catch (RuntimeException e) {
            listed.close();
            throw e;
        }
    }

    List<MachThread> threads() {
        return threads;
    }

    /** Gives back every port {@code task_threads} handed out (each exactly once). */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        for (int port : ports) {
            try {
                calls.machPortDeallocate(port);
            } catch (MachCallException e) {
                // A dead name is still released by the kernel when its task ends; nothing more to do.
            }
        }
    }
}
