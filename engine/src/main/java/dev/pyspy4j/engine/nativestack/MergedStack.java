// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import dev.pyspy4j.spi.model.Frame;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of merging one thread's native and Python stacks: the merged frames, leaf first, or why the two
 * stacks do not fit together.
 */
public record MergedStack(List<Frame> frames, String mismatch) {
    public MergedStack {
        frames = frames == null ? null : List.copyOf(frames);
        if ((frames == null) == (mismatch == null)) {
            throw new IllegalArgumentException("a merged stack has either frames or a mismatch");
        }
    }

    static MergedStack of(List<Frame> frames) {
        return new MergedStack(frames, null);
    }

    static MergedStack mismatched(String why) {
        return new MergedStack(null, why);
    }

    public boolean matched() {
        return frames != null;
    }

    /** Why the stacks did not fit together, when they did not. */
    public Optional<String> mismatchReason() {
        return Optional.ofNullable(mismatch);
    }
}
