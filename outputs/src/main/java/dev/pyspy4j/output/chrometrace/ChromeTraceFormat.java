// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.chrometrace;

import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;

/** The {@code chrometrace} format: Chrome's trace event JSON, for chrome://tracing and Perfetto. */
public final class ChromeTraceFormat implements OutputFormat {
    @Override
    public String id() {
        return "chrometrace";
    }

    @Override
    public String description() {
        return "Chrome trace events for chrome://tracing or Perfetto";
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public Recorder newRecorder(OutputSettings settings) {
        return new ChromeTraceRecorder(settings);
    }
}
