// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;

/**
 * How much of a deep stack is copied. The innermost {@code maxFrames} frames are kept (where the program is, what
 * people look at); the outer ones are only counted, following the link from frame to frame without decoding, up to
 * {@code maxCounted}, and shown as one marker frame. Without a cap one runaway recursion would make every sample
 * and every output line enormous; without the count a cut stack could not be told from a complete one.
 *
 * @param maxFrames  frames kept per thread
 * @param maxCounted outer frames counted beyond those, at most; a deeper stack is reported as "more than"
 */
public record DepthLimit(int maxFrames, int maxCounted) {
    /**
     * Frames kept per thread unless configured: eight times CPython's default recursion limit (1000) and twice the
     * depth at which py-spy gives up on a whole sample (4096), so that only runaway recursion is ever cut, while a
     * sample stays small enough to decode and write at a high rate.
     */
    public static final int DEFAULT_MAX_FRAMES = 8192;
    /**
     * Outer frames counted at most: a million frames is more than a thread's stack can hold in practice (each
     * frame is dozens of bytes at least), and counting them costs one small read each, so the bound keeps a torn
     * chain that loops through garbage from stalling a sample.
     */
    public static final int MAX_COUNTED = 1 << 20;
    /** The system property that sets {@link #maxFrames()}, e.g. {@code -Dpyspy4j.maxDepth=20000}. */
    public static final String MAX_DEPTH_PROPERTY = "pyspy4j.maxDepth";

    public static final DepthLimit DEFAULT = new DepthLimit(DEFAULT_MAX_FRAMES, MAX_COUNTED);

    public DepthLimit {
        if (maxFrames < 1 || maxCounted < 0) {
            throw new IllegalArgumentException("maxFrames " + maxFrames + ", maxCounted " + maxCounted);
        }
    }

    /**
     * The default, or the depth the {@value #MAX_DEPTH_PROPERTY} system property asks for.
     *
     * @throws SpyException {@link FailureKind#USAGE} when the property is not a positive whole number
     */
    public static DepthLimit configured() {
        String value = System.getProperty(MAX_DEPTH_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            int maxFrames = Integer.parseInt(value.strip());
            if (maxFrames >= 1) {
                return new DepthLimit(maxFrames, MAX_COUNTED);
            }
        } catch (NumberFormatException e) {
            // Reported below, as for a number out of range.
        }
        throw new SpyException(FailureKind.USAGE, "the system property " + MAX_DEPTH_PROPERTY
                + " must be a whole number from 1 to " + Integer.MAX_VALUE + ", not '" + value + "'");
    }
}
