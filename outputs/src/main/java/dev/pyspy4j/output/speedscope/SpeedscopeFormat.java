// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.speedscope;

import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;

/** The {@code speedscope} format: speedscope's JSON file format, one sampled profile per thread. */
public final class SpeedscopeFormat implements OutputFormat {
    @Override
    public String id() {
        return "speedscope";
    }

    @Override
    public String description() {
        return "speedscope JSON profile, one timeline per thread";
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public Recorder newRecorder(OutputSettings settings) {
        return new SpeedscopeRecorder(settings);
    }
}
