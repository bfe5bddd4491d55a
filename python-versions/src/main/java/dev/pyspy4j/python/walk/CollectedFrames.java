// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import java.util.List;

/**
 * The frames copied of one thread.
 *
 * @param frames leaf first: the innermost ones, at most {@link DepthLimit#maxFrames()}
 * @param cut    the outer frames beyond them, counted but not copied
 */
public record CollectedFrames(List<RawFrame> frames, OuterFramesCut cut) {
    public CollectedFrames {
        frames = List.copyOf(frames);
    }
}
