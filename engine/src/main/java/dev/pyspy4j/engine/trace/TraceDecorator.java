// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.trace;

import dev.pyspy4j.engine.names.FilenameShortener;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Prepares a kept stack for a {@link dev.pyspy4j.spi.output.Recorder}: shortens its file names, as its own process
 * sees the files, and appends pseudo-frames at the root end (frames are leaf first): the thread's with
 * {@code --threads}, then, for a stack of a process tree ({@code --subprocesses}), its process's and its ancestors'.
 */
public final class TraceDecorator {
    private static final int SLOTS = 4096;

    private final LongFunction<FilenameShortener> namesByPid;
    private final boolean threadFrames;
    private final Frame[] sampledFrames = new Frame[SLOTS];
    private final Frame[] shortenedFrames = new Frame[SLOTS];
    private final FilenameShortener[] shortenersUsed = new FilenameShortener[SLOTS];

    public TraceDecorator(FilenameShortener names, boolean threadFrames) {
        this(pid -> names, threadFrames);
    }

    /**
     * @param namesByPid the shortener of each process, by pid
     */
    public TraceDecorator(LongFunction<FilenameShortener> namesByPid, boolean threadFrames) {
        this.namesByPid = namesByPid;
        this.threadFrames = threadFrames;
    }

    public StackTrace decorate(StackTrace trace) {
        FilenameShortener names = namesByPid.apply(trace.pid());
        List<Frame> sampled = trace.frames();
        List<Frame> frames = new ArrayList<>(sampled.size() + 2);
        for (int i = 0; i < sampled.size(); i++) {
            frames.add(shortened(sampled.get(i), names));
        }
        if (threadFrames) {
            frames.add(ThreadFrames.of(trace));
        }
        if (trace.processInfo() != null) {
            frames.addAll(ProcessFrames.of(trace.processInfo()));
        }
        return trace.withFrames(frames);
    }

    /**
     * The frame with its short file name. Samplers hand out the same frame object for the same frame sample after
     * sample, so the result for a frame seen recently is remembered by the frame's identity (a small direct-mapped
     * table, bounded, that also remembers which shortener made the result): a steady stack is then decorated
     * without a new frame per frame per sample.
     */
    private Frame shortened(Frame frame, FilenameShortener names) {
        int slot = System.identityHashCode(frame) & (SLOTS - 1);
        if (sampledFrames[slot] == frame && shortenersUsed[slot] == names) {
            return shortenedFrames[slot];
        }
        Frame result = frame.withShortFilename(names.shorten(frame));
        sampledFrames[slot] = frame;
        shortenersUsed[slot] = names;
        shortenedFrames[slot] = result;
        return result;
    }
}
