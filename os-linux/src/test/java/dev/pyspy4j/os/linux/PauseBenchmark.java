// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: measures what pausing and reading cost against live pyenv CPython 3.11 processes with busy
 * threads, and prints microseconds per operation. Run with this module's test class path:
 * {@code java -cp ... dev.pyspy4j.os.linux.PauseBenchmark [cycles]}.
 */
public final class PauseBenchmark {
    private static final int ROUNDS = 7;

    private PauseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        for (int busyThreads : new int[] {1, 4, 16}) {
            try (PythonProcess python = PythonProcess.start("busy_threads.py", Integer.toString(busyThreads));
                    LinuxTargetProcess target = new LinuxTargetProcess(python.pid())) {
                measure(target, busyThreads + 1, cycles);
            }
        }
    }

    private static void measure(LinuxTargetProcess target, int threads, int cycles) {
        long address = target.regions().stream().filter(MemoryRegion::isReadable).findFirst().orElseThrow().start();
        List<ReadRequest> batch = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            batch.add(new ReadRequest(address + i * 64L, ByteBuffer.allocateDirect(64)));
        }
        ByteBuffer eight = ByteBuffer.allocateDirect(8);
        Runnable pauseAndResume = () -> target.pause().close();
        Runnable sample = () -> {
            try (PauseHandle paused = target.pause()) {
                target.memory().readAll(batch);
            }
        };
        System.out.printf("%2d threads: pause+resume %7.1f us, pause+read 16x64 B+resume %7.1f us, "
                + "read 8 B %5.2f us, read 16x64 B in one call %5.2f us%n", threads,
                medianMicros(cycles, pauseAndResume), medianMicros(cycles, sample),
                medianMicros(cycles * 10, () -> target.memory().read(address, eight)),
                medianMicros(cycles * 10, () -> target.memory().readAll(batch)));
    }

    /** The median over rounds of the mean time per repetition; the first round only warms up. */
    private static double medianMicros(int repetitions, Runnable action) {
        time(repetitions, action);
        double[] rounds = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            rounds[i] = time(repetitions, action) / 1000.0 / repetitions;
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }

    private static long time(int repetitions, Runnable action) {
        long start = System.nanoTime();
        for (int i = 0; i < repetitions; i++) {
            action.run();
        }
        return System.nanoTime() - start;
    }
}
