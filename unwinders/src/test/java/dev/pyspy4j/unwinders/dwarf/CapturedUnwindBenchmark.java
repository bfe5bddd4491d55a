// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.dwarf;

import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
import dev.pyspy4j.unwinders.framepointer.FramePointerUnwinderProvider;
import java.util.List;

/**
 * Not a test: the CPU cost of unwinding the captured threads (no system calls: the stack is in memory), with warm
 * tables, in microseconds per thread, for each pure-Java unwinder. Run with this module's test class path:
 * {@code java -cp ... dev.pyspy4j.unwinders.dwarf.CapturedUnwindBenchmark [unwinds]}.
 */
public final class CapturedUnwindBenchmark {
    private static final int ROUNDS = 5;

    private CapturedUnwindBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int unwinds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        CapturedThreads fixture = CapturedThreads.load("static-o2");
        for (NativeUnwinderProvider provider : List.of(new DwarfUnwinderProvider(), new FramePointerUnwinderProvider())) {
            try (NativeUnwinder unwinder = provider.open(fixture.process())) {
                for (int round = 0; round < ROUNDS; round++) {
                    long frames = 0;
                    long start = System.nanoTime();
                    for (int i = 0; i < unwinds; i++) {
                        CapturedThreads.Thread thread = fixture.threads().get(i % fixture.threads().size());
                        frames += unwinder.unwind(thread.tid(), thread.registers(), 128).size();
                    }
                    long elapsed = System.nanoTime() - start;
                    System.out.printf("%-12s round %d: %.2f us per thread, %.1f frames per thread%n", provider.id(),
                            round, elapsed / 1000.0 / unwinds, (double) frames / unwinds);
                }
            }
        }
    }
}
