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
    private final LongFunction<FilenameShortener> namesByPid;
    private final boolean threadFrames;

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
        List<Frame> frames = new ArrayList<>(trace.frames().size() + 2);
        for (Frame frame : trace.frames()) {
            frames.add(frame.withShortFilename(names.shorten(frame)));
        }
        if (threadFrames) {
            frames.add(ThreadFrames.of(trace));
        }
        if (trace.processInfo() != null) {
            frames.addAll(ProcessFrames.of(trace.processInfo()));
        }
        return trace.withFrames(frames);
    }
}
