// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import dev.pyspy4j.cli.names.FilenameShortener;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares a kept stack for a {@link dev.pyspy4j.spi.output.Recorder}: shortens its file names and, with
 * {@code --threads}, appends the thread's pseudo-frame at the root end (frames are leaf first).
 */
public final class TraceDecorator {
    private final FilenameShortener names;
    private final boolean threadFrames;

    public TraceDecorator(FilenameShortener names, boolean threadFrames) {
        this.names = names;
        this.threadFrames = threadFrames;
    }

    public StackTrace decorate(StackTrace trace) {
        List<Frame> frames = new ArrayList<>(trace.frames().size() + 1);
        for (Frame frame : trace.frames()) {
            frames.add(frame.withShortFilename(names.shorten(frame.filename())));
        }
        if (threadFrames) {
            frames.add(ThreadFrames.of(trace));
        }
        return trace.withFrames(frames);
    }
}
