// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import java.util.List;

/**
 * The frames copied of one thread.
 *
 * @param frames leaf first: the innermost ones, at most {@link DepthLimit#maxFrames()}
 * @param cut    the outer frames beyond them, counted but not copied
 * @param head   the address the walk started from (the thread's current frame, a shim's where C code runs), or 0
 */
public record CollectedFrames(List<RawFrame> frames, OuterFramesCut cut, long head) {
    public CollectedFrames {
        frames = List.copyOf(frames);
    }

    /** Frames whose walk started at the innermost one. */
    public CollectedFrames(List<RawFrame> frames, OuterFramesCut cut) {
        this(frames, cut, frames.isEmpty() ? 0 : frames.get(0).address());
    }
}
