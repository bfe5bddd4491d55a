// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.output;

import dev.pyspy4j.spi.Provider;

/**
 * A file format {@code record} can write ({@code -f <id>}): flamegraph, speedscope, raw, chrometrace, or a
 * third-party format from any jar on the class path that registers this interface in {@code META-INF/services}.
 * Stateless; each recording gets its own {@link Recorder}.
 */
public interface OutputFormat extends Provider {
    /** One line for {@code --help}, e.g. {@code interactive SVG flame graph}. */
    String description();

    /** The extension of default output file names, without the dot, e.g. {@code svg}. */
    String fileExtension();

    /** Starts a recording. */
    Recorder newRecorder(OutputSettings settings);
}
