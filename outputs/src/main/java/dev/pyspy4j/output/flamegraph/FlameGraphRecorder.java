// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.flamegraph;

import dev.pyspy4j.output.support.StackAggregator;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import java.io.IOException;
import java.io.OutputStream;

/** Counts samples per stack and draws them as one flame graph at the end. */
final class FlameGraphRecorder implements Recorder {
    private final OutputSettings settings;
    private final StackAggregator stacks = new StackAggregator();

    FlameGraphRecorder(OutputSettings settings) {
        this.settings = settings;
    }

    @Override
    public void record(StackTrace trace, long elapsedNanos) {
        stacks.add(trace, settings.lineNumbers());
    }

    @Override
    public void record(StackTrace trace, long elapsedNanos, long count) {
        stacks.add(trace, settings.lineNumbers(), count);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        new SvgWriter(SvgTemplate.flameGraph(), new FlameGraphLayout(stacks, Geometry.STANDARD))
                .write(settings.title(), out);
    }

    @Override
    public String announce(String path) {
        return "Wrote flamegraph data to '" + path + "'";
    }
}
