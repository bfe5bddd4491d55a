// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Walks one interpreter's thread-state list and has a {@link FrameCollector} copy each thread's frames. */
public final class ThreadStateCollector {
    /** More threads than this means a cycle in a torn list. */
    public static final int MAX_THREADS = 8192;
    private static final CollectedFrames NOT_WANTED = new CollectedFrames(List.of(), OuterFramesCut.NONE);

    private final ThreadLayout layout;
    private final FrameCollector frames;
    private final GilLocator gil;
    /** The thread state being read: a sample reads one at a time, so one buffer serves every thread and sample. */
    private ByteBuffer state;

    public ThreadStateCollector(ThreadLayout layout, FrameCollector frames, GilLocator gil) {
        this.layout = layout;
        this.frames = frames;
        this.gil = gil;
    }

    public ThreadLayout layout() {
        return layout;
    }

    /**
     * Copies the stacks of every thread of the interpreter at {@code interpreter}; any thread whose stack cannot be
     * read fails the whole sample.
     *
     * @param gilOnly skip the frames of threads that do not hold the GIL
     */
    public RawSample collect(RemoteReader reader, long interpreter, boolean gilOnly) {
        return collect(reader, interpreter, gilOnly, false);
    }

    /**
     * Copies the stacks of every thread of the interpreter at {@code interpreter}.
     *
     * @param gilOnly               skip the frames of threads that do not hold the GIL
     * @param isolateThreadFailures a thread whose stack cannot be read (a {@link FailureKind#MEMORY_READ} failure)
     *                              is kept, marked {@link RawThread#unreadable()}, instead of failing the sample:
     *                              right when the target is paused, so that a failure belongs to that thread and
     *                              not to a moving target
     */
    public RawSample collect(RemoteReader reader, long interpreter, boolean gilOnly, boolean isolateThreadFailures) {
        return collect(reader, interpreter, gilOnly, isolateThreadFailures, ThreadFilter.ALL);
    }

    /**
     * As {@link #collect(RemoteReader, long, boolean, boolean)}, for the threads {@code selected} selects only: the
     * others are left out of the sample, their stacks unread.
     */
    public RawSample collect(RemoteReader reader, long interpreter, boolean gilOnly, boolean isolateThreadFailures,
                             ThreadFilter selected) {
        long holder = gil.holder(reader, interpreter);
        List<RawThread> threads = new ArrayList<>();
        long threadState = reader.pointer(interpreter + layout.threadsHead());
        while (threadState != 0) {
            if (threads.size() >= MAX_THREADS) {
                throw new TornSampleException("thread list longer than " + MAX_THREADS + " entries");
            }
            state = reader.structInto(threadState, layout.size(), state);
            if (state.getLong(layout.interp()) != interpreter) {
                throw new TornSampleException("thread state 0x" + Long.toHexString(threadState)
                        + " does not belong to the interpreter");
            }
            long threadId = state.getLong(layout.threadId());
            long nativeThreadId = layout.hasNativeThreadId() ? state.getLong(layout.nativeThreadId()) : 0;
            long next = state.getLong(layout.next());
            if (!selected.selects(threadId, nativeThreadId)) {
                threadState = next;
                continue;
            }
            boolean wanted = !gilOnly || threadState == holder;
            CollectedFrames stack = NOT_WANTED;
            String unreadable = null;
            if (wanted) {
                try {
                    stack = frames.collect(reader, state);
                } catch (SpyException e) {
                    if (!isolateThreadFailures || e.kind() != FailureKind.MEMORY_READ) {
                        throw e;
                    }
                    unreadable = e.getMessage();
                }
            }
            threads.add(new RawThread(threadState, threadId, nativeThreadId, stack.frames(), stack.cut(), unreadable));
            threadState = next;
        }
        return new RawSample(threads, holder);
    }
}
