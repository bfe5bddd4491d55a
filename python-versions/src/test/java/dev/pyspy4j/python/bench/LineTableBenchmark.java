// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.bench;

import dev.pyspy4j.python.fake.LocationTableWriter;
import dev.pyspy4j.python.linetable.LineTable;
import dev.pyspy4j.python.linetable.LineTableDecoders;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding a 3.11+ location table (done once per code object, then cached) and looking a line up in the decoded
 * table (done for every frame of every sample).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LineTableBenchmark {
    private byte[] table;
    private LineTable decoded;
    private int offset;

    @Setup
    public void setUp() {
        LocationTableWriter writer = new LocationTableWriter(100);
        for (int line = 100; line < 400; line++) {
            writer.range(1 + line % 7, line);
        }
        table = writer.toBytes();
        decoded = LineTableDecoders.locationTable().decode(table, 100);
    }

    @Benchmark
    public LineTable decodeTable() {
        return LineTableDecoders.locationTable().decode(table, 100);
    }

    @Benchmark
    public int lookUpLine() {
        offset = (offset + 37) % 2000;
        return decoded.lineAt(offset);
    }
}
