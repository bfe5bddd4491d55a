// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

/**
 * How many native frames are unwound per thread: the same cap as Python frames get, set by the same system
 * property, so that one runaway recursion costs the same bounded work whichever stack it shows in.
 */
public final class NativeDepth {
    /** The system property the interpreter providers read for the Python depth cap. */
    public static final String PROPERTY = "pyspy4j.maxDepth";
    /** The cap when the property is not set: eight times CPython's default recursion limit. */
    public static final int DEFAULT_MAX_FRAMES = 8192;

    private NativeDepth() {
    }

    /**
     * The configured cap. An unusable value falls back to the default here: the interpreter provider, which reads
     * the same property first, reports it to the user.
     */
    public static int maxFrames() {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            return DEFAULT_MAX_FRAMES;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            return parsed >= 1 ? parsed : DEFAULT_MAX_FRAMES;
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_FRAMES;
        }
    }
}
