// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.collapsed;

import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;

/** The {@code raw} format: collapsed stacks, the input of flamegraph.pl and inferno (see {@link CollapsedWriter}). */
public final class CollapsedFormat implements OutputFormat {
    @Override
    public String id() {
        return "raw";
    }

    @Override
    public String description() {
        return "collapsed stacks (root;...;leaf count), input for flamegraph.pl";
    }

    @Override
    public String fileExtension() {
        return "txt";
    }

    @Override
    public Recorder newRecorder(OutputSettings settings) {
        return new CollapsedRecorder(settings);
    }
}
