// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.bench;

import dev.pyspy4j.python.CPythonInterpreterProvider;
import dev.pyspy4j.python.fake.FakeCPython311.FrameSpec;
import dev.pyspy4j.python.fake.FakeCPython311;
import dev.pyspy4j.python.fake.FakeHeap;
import dev.pyspy4j.python.fake.FakeTarget;
import dev.pyspy4j.spi.python.InterpreterSample;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.SampleRequest;
import java.util.Map;
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
 * The CPU a sample costs pyspy4j itself, system calls aside: walking a 3.11 thread whose frames sit in a
 * data-stack chunk, resolving cached code objects and decoding lines, over in-memory fake process memory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SampleDecodingBenchmark {
    @Param({"10", "40", "200"})
    public int depth;

    private PythonInterpreter interpreter;
    private final SampleRequest request = SampleRequest.stacks(false, null);

    @Setup
    public void setUp() {
        FakeCPython311 python = new FakeCPython311();
        FrameSpec[] frames = new FrameSpec[depth];
        for (int i = 0; i < depth; i++) {
            long code = python.code("function_" + (i % 25), "/app/module_" + (i % 5) + ".py", 10 * i + 1,
                    new int[] {3, 10 * i + 1}, new int[] {5, 10 * i + 2}, new int[] {8, 10 * i + 4});
            frames[i] = new FrameSpec(code, 5, i == depth - 1, false);
        }
        python.thread(0x7f00_0000_1000L, 100, "MainThread", frames).gilHeldBy(0x7f00_0000_1000L);
        FakeHeap heap = python.build();
        interpreter = new CPythonInterpreterProvider().open(FakeTarget.program(heap.memory(), Map.of(
                "_PyRuntime", FakeCPython311.RUNTIME, "Py_Version", FakeCPython311.PY_VERSION,
                "PyCode_Type", heap.codeType())));
    }

    @Benchmark
    public InterpreterSample sampleOneThread() {
        return interpreter.sample(request);
    }
}
