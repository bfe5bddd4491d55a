// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.gecko;

import dev.pyspy4j.spi.model.Frame;

/**
 * The categories frames are coloured and summed by, in the order of {@code meta.categories} (a frame names its
 * category by index). The profiler gives a sample the category of its leaf frame, so an idle sample's leaf is put in
 * {@link #IDLE}: the profiler leaves that category out of its CPU views by name, as it does for Firefox's own idle
 * samples, while the stack above stays visible.
 */
enum GeckoCategory {
    PYTHON("Python", "yellow"),
    NATIVE("Native", "blue"),
    IDLE("Idle", "transparent");

    private final String displayName;
    private final String color;

    GeckoCategory(String displayName, String color) {
        this.displayName = displayName;
        this.color = color;
    }

    String displayName() {
        return displayName;
    }

    String color() {
        return color;
    }

    /** The category of a frame: native when it comes from a shared object, Python otherwise. */
    static GeckoCategory of(Frame frame) {
        return frame.module() != null ? NATIVE : PYTHON;
    }
}
