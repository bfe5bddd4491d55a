// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import dev.pyspy4j.spi.model.Frame;
import java.util.Objects;

/**
 * The identity of a frame in the JSON formats, which name the full file rather than a label: function, full file
 * name and line, the line 0 when line numbers are hidden so that frames differing only in line merge (py-spy's
 * speedscope and chrometrace writers do the same).
 *
 * @param line the line, or 0 when unknown or hidden
 */
public record FrameKey(String name, String filename, int line) {
    public FrameKey {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(filename, "filename is null");
    }

    /** The key of {@code frame}; {@code lineNumbers} is {@code OutputSettings.lineNumbers()}. */
    public static FrameKey of(Frame frame, boolean lineNumbers) {
        return new FrameKey(frame.name(), frame.filename(), lineNumbers ? frame.line() : 0);
    }
}
