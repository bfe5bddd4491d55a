// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.collapsed;

import dev.pyspy4j.output.support.StackAggregator;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import java.io.IOException;
import java.io.OutputStream;

/** Counts samples per stack and writes them as collapsed lines at the end. */
final class CollapsedRecorder implements Recorder {
    private final boolean lineNumbers;
    private final StackAggregator stacks = new StackAggregator(CollapsedWriter::escape);

    CollapsedRecorder(OutputSettings settings) {
        this.lineNumbers = settings.lineNumbers();
    }

    @Override
    public void record(StackTrace trace, long elapsedNanos) {
        stacks.add(trace, lineNumbers);
    }

    @Override
    public void record(StackTrace trace, long elapsedNanos, long count) {
        stacks.add(trace, lineNumbers, count);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        CollapsedWriter.write(stacks, out);
    }

    @Override
    public String announce(String path) {
        return "Wrote raw flamegraph data to '" + path + "'";
    }

    @Override
    public String hint() {
        return "You can use the flamegraph.pl script from https://github.com/brendangregg/flamegraph"
                + " to generate a SVG";
    }
}
