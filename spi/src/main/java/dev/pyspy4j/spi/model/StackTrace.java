// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.model;

import java.util.List;
import java.util.Objects;

/**
 * The stack of one Python thread at one instant.
 *
 * @param pid          the process
 * @param threadId     the interpreter's thread id ({@code PyThreadState.thread_id}, a {@code pthread_t})
 * @param threadName   the {@code threading} name, or {@code null} when unknown
 * @param osThreadId   the OS thread id (Linux TID), or 0 when unknown
 * @param active       running rather than idle
 * @param ownsGil      holds the global interpreter lock
 * @param frames       leaf first
 * @param processInfo  the process and its ancestors when sampling a process tree, else {@code null}
 */
public record StackTrace(long pid, long threadId, String threadName, long osThreadId, boolean active,
                         boolean ownsGil, List<Frame> frames, ProcessInfo processInfo) {
    public StackTrace {
        frames = List.copyOf(Objects.requireNonNull(frames, "frames is null"));
    }

    public boolean hasOsThreadId() {
        return osThreadId != 0;
    }

    public StackTrace withFrames(List<Frame> newFrames) {
        return new StackTrace(pid, threadId, threadName, osThreadId, active, ownsGil, newFrames, processInfo);
    }

    public StackTrace withActive(boolean value) {
        return new StackTrace(pid, threadId, threadName, osThreadId, value, ownsGil, frames, processInfo);
    }

    public StackTrace withProcessInfo(ProcessInfo info) {
        return new StackTrace(pid, threadId, threadName, osThreadId, active, ownsGil, frames, info);
    }
}
