// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import java.util.function.LongPredicate;

/**
 * The stacks of the previous sample that stand for this one's where their threads have not run since: only a
 * thread changes its own frames (the current one, their links, the instruction each is at), so the stack of a
 * thread that has not been on a CPU is the one copied last time, and reading it again would cost reads and a walk
 * for nothing. A large server's threads are mostly such. Keyed by thread state; one whose ids are not the ones the
 * stack was copied with belongs to another thread now, and is read.
 */
public final class ReusableStacks {
    /** Nothing to use again: every stack is read. */
    public static final ReusableStacks NONE = new ReusableStacks(new LongKeyMap<>());

    private final LongKeyMap<RawThread> byThreadState;

    private ReusableStacks(LongKeyMap<RawThread> byThreadState) {
        this.byThreadState = byThreadState;
    }

    /**
     * The stacks of {@code previous} that may be used again.
     *
     * @param notRun whether the thread that owned a thread state at {@code previous} has not run since
     */
    public static ReusableStacks of(RawSample previous, LongPredicate notRun) {
        LongKeyMap<RawThread> stacks = new LongKeyMap<>();
        for (RawThread thread : previous.threads()) {
            // A stack that could not be copied is tried again rather than given up on for good.
            if (thread.unreadable() == null && notRun.test(thread.threadState())) {
                stacks.put(thread.threadState(), thread);
            }
        }
        return stacks.size() == 0 ? NONE : new ReusableStacks(stacks);
    }

    /** The previous copy of this thread's stack when it may be used again, or {@code null}. */
    RawThread stackOf(long threadState, long threadId, long nativeThreadId) {
        RawThread before = byThreadState.get(threadState);
        return before != null && before.threadId() == threadId && before.nativeThreadId() == nativeThreadId
                ? before : null;
    }
}
