// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.gecko;

import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;

/**
 * The {@code gecko} format: a profile the Firefox Profiler (profiler.firefox.com) opens, one track per thread with
 * every sample at the time it was taken, so the order of events is visible where a flame graph merges it away.
 */
public final class GeckoFormat implements OutputFormat {
    @Override
    public String id() {
        return "gecko";
    }

    @Override
    public String description() {
        return "Firefox Profiler profile, one track per thread with sample times";
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public Recorder newRecorder(OutputSettings settings) {
        return new GeckoRecorder(settings, System.currentTimeMillis());
    }
}
