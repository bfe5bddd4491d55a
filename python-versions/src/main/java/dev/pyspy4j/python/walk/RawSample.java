// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import java.util.BitSet;
import java.util.List;

/**
 * Everything copied from the target for one sample, in the interpreter's thread-list order.
 *
 * @param gilHolder  the {@code PyThreadState} holding the GIL, or 0 when nobody does or it is unknown
 * @param reused     the positions in {@code threads} of the previous sample's stacks, used again for threads that
 *                   have not run since (see {@link ReusableStacks}); asked through {@link #isReused}
 */
public record RawSample(List<RawThread> threads, long gilHolder, BitSet reused) {
    public RawSample {
        threads = List.copyOf(threads);
        reused = (BitSet) reused.clone();
    }

    /** A sample whose every stack was copied for it. */
    public RawSample(List<RawThread> threads, long gilHolder) {
        this(threads, gilHolder, new BitSet());
    }

    /** Whether the stack at {@code index} is the previous sample's, its thread not having run since. */
    public boolean isReused(int index) {
        return reused.get(index);
    }

    @Override
    public BitSet reused() {
        return (BitSet) reused.clone();
    }
}
