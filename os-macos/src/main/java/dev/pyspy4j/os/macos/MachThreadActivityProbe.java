// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.os.macos.calls.MacCalls;
import dev.pyspy4j.os.macos.calls.MachCallException;
import dev.pyspy4j.os.macos.decode.ThreadBasicInfo;
import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import java.util.HashMap;
import java.util.Map;

/**
 * Snapshots of every thread's {@code thread_info(THREAD_BASIC_INFO)}, keyed by thread id. A thread whose basic
 * info cannot be read (it is ending) is UNKNOWN. The task port is given back on close when the probe took its own.
 */
final class MachThreadActivityProbe implements ThreadActivityProbe {
    private final MacCalls calls;
    private final int task;
    private final MachFailures failures;
    private final boolean ownsTask;
    private boolean closed;

    MachThreadActivityProbe(MacCalls calls, int task, MachFailures failures, boolean ownsTask) {
        this.calls = calls;
        this.task = task;
        this.failures = failures;
        this.ownsTask = ownsTask;
    }

    @Override
    public Map<Long, ThreadActivity> snapshot() {
        Map<Long, ThreadActivity> activity = new HashMap<>();
        try (MachThreads listed = MachThreads.list(calls, task, failures)) {
            for (MachThreads.MachThread thread : listed.threads()) {
                activity.put(thread.threadId(), activityOf(thread.port()));
            }
        }
        return activity;
    }

    private ThreadActivity activityOf(int port) {
        try {
            return ActivityOfThread.of(ThreadBasicInfo.decode(
                    calls.threadInfo(port, ThreadBasicInfo.FLAVOR, ThreadBasicInfo.COUNT)));
        } catch (MachCallException e) {
            return ThreadActivity.UNKNOWN;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ownsTask) {
            try {
                calls.machPortDeallocate(task);
            } catch (MachCallException e) {
                // The task ended; its name is gone already.
            }
        }
    }
}
