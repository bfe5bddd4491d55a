// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.python.remote.RemoteReader;
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

    public ThreadStateCollector(ThreadLayout layout, FrameCollector frames, GilLocator gil) {
        this.layout = layout;
        this.frames = frames;
        this.gil = gil;
    }

    public ThreadLayout layout() {
        return layout;
    }

    /**
     * Copies the stacks of every thread of the interpreter at {@code interpreter}.
     *
     * @param gilOnly skip the frames of threads that do not hold the GIL
     */
    public RawSample collect(RemoteReader reader, long interpreter, boolean gilOnly) {
        long holder = gil.holder(reader, interpreter);
        List<RawThread> threads = new ArrayList<>();
        long threadState = reader.pointer(interpreter + layout.threadsHead());
        while (threadState != 0) {
            if (threads.size() >= MAX_THREADS) {
                throw new TornSampleException("thread list longer than " + MAX_THREADS + " entries");
            }
            ByteBuffer state = reader.struct(threadState, layout.size());
            if (state.getLong(layout.interp()) != interpreter) {
                throw new TornSampleException("thread state 0x" + Long.toHexString(threadState)
                        + " does not belong to the interpreter");
            }
            boolean wanted = !gilOnly || threadState == holder;
            CollectedFrames stack = wanted ? frames.collect(reader, state) : NOT_WANTED;
            threads.add(new RawThread(threadState, state.getLong(layout.threadId()),
                    layout.hasNativeThreadId() ? state.getLong(layout.nativeThreadId()) : 0,
                    stack.frames(), stack.cut()));
            threadState = state.getLong(layout.next());
        }
        return new RawSample(threads, holder);
    }
}
