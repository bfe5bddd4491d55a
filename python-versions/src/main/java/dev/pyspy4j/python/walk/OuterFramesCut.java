// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

/**
 * The outer frames of a thread left out because its stack was deeper than the {@link DepthLimit}.
 *
 * @param count   how many were left out, or, with {@code atLeast}, how many were counted before counting stopped
 * @param atLeast the stack goes on beyond {@code count} (counting has a bound too)
 */
public record OuterFramesCut(long count, boolean atLeast) {
    /** Nothing was cut. */
    public static final OuterFramesCut NONE = new OuterFramesCut(0, false);

    public OuterFramesCut {
        if (count < 0) {
            throw new IllegalArgumentException("negative count " + count);
        }
    }

    public boolean any() {
        return count > 0;
    }
}
