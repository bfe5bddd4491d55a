// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import dev.pyspy4j.spi.model.Frame;

/**
 * How flamegraph, raw and top name a frame (py-spy's {@code flamegraph.rs}): {@code name (file:line)} when line
 * numbers are shown and known, {@code name (file)} when the frame has a file, else just {@code name}, as for the
 * {@code thread (1234): MainThread} pseudo-frames the CLI appends. The file is the one the CLI chose for display
 * (shortened unless {@code --full-filenames}).
 */
public final class FrameLabels {
    private FrameLabels() {
    }

    /** The label of {@code frame}; {@code lineNumbers} is {@code OutputSettings.lineNumbers()}. */
    public static String label(Frame frame, boolean lineNumbers) {
        String file = frame.displayFilename();
        if (lineNumbers && frame.line() != 0) {
            return frame.name() + " (" + file + ":" + frame.line() + ")";
        }
        if (!file.isEmpty()) {
            return frame.name() + " (" + file + ")";
        }
        return frame.name();
    }
}
