// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.flamegraph;

import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;

/** The default {@code flamegraph} format: a self-contained interactive SVG icicle graph (see {@link SvgWriter}). */
public final class FlameGraphFormat implements OutputFormat {
    @Override
    public String id() {
        return "flamegraph";
    }

    @Override
    public String description() {
        return "interactive SVG flame graph";
    }

    @Override
    public String fileExtension() {
        return "svg";
    }

    @Override
    public Recorder newRecorder(OutputSettings settings) {
        return new FlameGraphRecorder(settings);
    }
}
