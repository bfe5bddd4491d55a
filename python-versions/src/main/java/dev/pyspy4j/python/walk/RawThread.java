// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import java.util.List;

/**
 * One thread as copied from the target.
 *
 * @param threadState     address of its {@code PyThreadState}
 * @param threadId        {@code PyThreadState.thread_id}
 * @param nativeThreadId  the OS thread id, or 0 when the version does not record it
 * @param frames          leaf first
 */
public record RawThread(long threadState, long threadId, long nativeThreadId, List<RawFrame> frames) {
    public RawThread {
        frames = List.copyOf(frames);
    }
}
