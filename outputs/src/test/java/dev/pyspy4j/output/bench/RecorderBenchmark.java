// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.bench;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What recording one sample of a steady 40-frame stack costs a format, as the sampler hands it over: the same
 * frame objects sample after sample (the walkers reuse them), a fresh trace each time. Run with {@code -prof gc}
 * for the bytes a sample allocates, e.g. {@code -Djmh.args="-f 1 -wi 3 -i 5 -prof gc RecorderBenchmark"}.
 * Timeline formats (speedscope, chrometrace) keep every sample by design, so they allocate per sample.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecorderBenchmark {
    private static final int DEPTH = 40;

    @Param({"flamegraph", "raw", "html"})
    public String format;

    private Recorder recorder;
    private List<Frame> frames;
    private long elapsedNanos;

    @Setup
    public void setUp() {
        OutputFormat chosen = ServiceLoader.load(OutputFormat.class).stream().map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.id().equals(format)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no format " + format));
        recorder = chosen.newRecorder(new OutputSettings("pyspy4j record", 1000, true, "pyspy4j"));
        frames = new ArrayList<>(DEPTH);
        for (int i = 0; i < DEPTH; i++) {
            frames.add(new Frame("function_" + i, "/app/package/module_" + (i % 5) + ".py", null,
                    "package/module_" + (i % 5) + ".py", 10 * i + 1, null, false, i == DEPTH - 1));
        }
    }

    @Benchmark
    public void recordOneSample() {
        elapsedNanos += 1_000_000;
        recorder.record(new StackTrace(4242, 1, "MainThread", 4242, true, true, frames, null), elapsedNanos);
    }
}
