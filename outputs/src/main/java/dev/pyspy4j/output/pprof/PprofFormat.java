// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.pprof;

import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;

/** The {@code pprof} format: a gzipped {@code profile.proto}, as {@code go tool pprof} and Pyroscope read it. */
public final class PprofFormat implements OutputFormat {
    @Override
    public String id() {
        return "pprof";
    }

    @Override
    public String description() {
        return "gzipped pprof profile.proto, for go tool pprof, Pyroscope and other pprof viewers";
    }

    @Override
    public String fileExtension() {
        return "pb.gz";
    }

    @Override
    public Recorder newRecorder(OutputSettings settings) {
        return new PprofRecorder(settings);
    }
}
