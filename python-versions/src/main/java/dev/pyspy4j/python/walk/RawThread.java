// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import java.util.List;
import java.util.Objects;

/**
 * One thread as copied from the target.
 *
 * @param threadState     address of its {@code PyThreadState}
 * @param threadId        {@code PyThreadState.thread_id}
 * @param nativeThreadId  the OS thread id, or 0 when the version does not record it
 * @param frames          leaf first
 * @param cut             the outer frames beyond {@code frames}, left out because the stack was too deep
 * @param unreadable      why the stack could not be copied (then {@code frames} is empty), or {@code null}
 */
public record RawThread(long threadState, long threadId, long nativeThreadId, List<RawFrame> frames,
                        OuterFramesCut cut, String unreadable) {
    public RawThread {
        frames = List.copyOf(frames);
        Objects.requireNonNull(cut, "cut is null");
    }

    /** A thread whose whole stack was copied. */
    public RawThread(long threadState, long threadId, long nativeThreadId, List<RawFrame> frames) {
        this(threadState, threadId, nativeThreadId, frames, OuterFramesCut.NONE, null);
    }
}
