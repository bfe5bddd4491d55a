// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

/** Decides from a thread's ids, before its stack is read, whether it is read at all. */
@FunctionalInterface
public interface ThreadFilter {
    /** Every thread. */
    ThreadFilter ALL = (threadId, nativeThreadId) -> true;

    /**
     * @param threadId       the thread's {@code thread_id} ({@code pthread_t} on Linux)
     * @param nativeThreadId its OS thread id as the interpreter recorded it, or 0 when the version does not
     */
    boolean selects(long threadId, long nativeThreadId);
}
