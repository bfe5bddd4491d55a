// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.html;

import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;

/**
 * The {@code html} format: one self-contained page (no network, all its script and style inline) with a flame graph
 * or icicle, a table of functions, a thread filter and the sampled lines of the hottest functions' source.
 */
public final class HtmlFormat implements OutputFormat {
    @Override
    public String id() {
        return "html";
    }

    @Override
    public String description() {
        return "HTML report in one file: flame graph, functions table, source lines";
    }

    @Override
    public String fileExtension() {
        return "html";
    }

    @Override
    public Recorder newRecorder(OutputSettings settings) {
        return new HtmlRecorder(settings, SourceExcerpts.DEFAULT_LIMITS);
    }
}
