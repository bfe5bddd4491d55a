// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.bench;

import dev.pyspy4j.python.CPythonInterpreterProvider;
import dev.pyspy4j.python.snapshot.MemorySnapshot;
import dev.pyspy4j.python.snapshot.ReplayTarget;
import dev.pyspy4j.spi.python.InterpreterSample;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.SampleRequest;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A blocking sample as {@code record} takes it, replayed over the memory recorded from a live interpreter (the
 * walker snapshots): pause, copy, walk and decode, without a live target. Run with {@code -prof gc} for the bytes
 * a sample allocates after warm-up ({@code gc.alloc.rate.norm}), e.g.
 * {@code -Djmh.args="-f 1 -wi 3 -i 5 -prof gc SnapshotSamplingBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SnapshotSamplingBenchmark {
    @Param({"pyenv-3.11.7", "pyenv-3.12.1", "pyenv-3.9.18"})
    public String snapshot;

    private ReplayTarget target;
    private PythonInterpreter interpreter;
    private final SampleRequest request = SampleRequest.stacks(true, null);

    @Setup
    public void setUp() {
        String resource = "/dev/pyspy4j/python/snapshot/" + snapshot + ".snapshot.gz";
        try (InputStream in = SnapshotSamplingBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no snapshot " + resource);
            }
            target = new ReplayTarget(MemorySnapshot.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        interpreter = new CPythonInterpreterProvider().open(target);
        placeWhatTheRecordingMissed();
    }

    /**
     * The snapshots were recorded before a sample looked at the GIL's holder and switch count around its copy:
     * without that memory every replayed sample would throw and catch an exception that a live sample does not,
     * and its allocations would be the benchmark's. Zeros stand for it (a GIL that never changed hands), and a
     * sample that still misses memory stops the benchmark rather than measure its failures.
     */
    private void placeWhatTheRecordingMissed() {
        FakeProcessMemory memory = (FakeProcessMemory) target.memory();
        memory.rememberMisses();
        interpreter.sample(request);
        for (long[] miss : memory.misses()) {
            memory.fillGapsWithZeros(miss[0], miss[1]);
        }
        memory.rememberMisses();
        interpreter.sample(request);
        if (!memory.misses().isEmpty()) {
            throw new IllegalStateException("snapshot " + snapshot + " still misses memory a sample reads at 0x"
                    + Long.toHexString(memory.misses().get(0)[0]));
        }
    }

    @TearDown
    public void tearDown() {
        target.close();
    }

    @Benchmark
    public InterpreterSample sampleEveryThread() {
        return interpreter.sample(request);
    }
}
