// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One process's threads as {@code NtQuerySystemInformation(SystemProcessInformation)} describes them. Needs no
 * handle: the query lists every process of the system. When the query fails, or the process is no longer listed, the
 * snapshot is empty and every thread's activity is unknown; an answer that does not decode is MALFORMED_INPUT.
 */
final class SystemProcessActivityProbe implements ThreadActivityProbe {
    /** {@code SystemProcessInformation}, the {@code SYSTEM_INFORMATION_CLASS} value. */
    static final int SYSTEM_PROCESS_INFORMATION = 5;

    private final WindowsCalls calls;
    private final long pid;

    SystemProcessActivityProbe(WindowsCalls calls, long pid) {
        this.calls = calls;
        this.pid = pid;
    }

    @Override
    public Map<Long, ThreadActivity> snapshot() {
        byte[] buffer;
        try {
            buffer = calls.ntQuerySystemInformation(SYSTEM_PROCESS_INFORMATION).bytes();
        } catch (WindowsCallException e) {
            return Map.of();
        }
        List<SystemProcessRecords.SystemThread> threads = SystemProcessRecords.threadsOf(buffer, pid)
                .orElse(List.of());
        Map<Long, ThreadActivity> activity = new HashMap<>();
        for (SystemProcessRecords.SystemThread thread : threads) {
            activity.put(thread.threadId(), WaitStateClassifier.classify(thread.state(), thread.waitReason()));
        }
        return activity;
    }

    @Override
    public void close() {
        // holds nothing
    }
}
