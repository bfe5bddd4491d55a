// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import java.util.HashMap;
import java.util.Map;

/**
 * What {@code top} counted over one period (a refresh interval, or everything since the start or the last reset):
 * samples, and thread time per function and per line. Every time is the sum of the weights of the samples that
 * count it, so it is wall time, however irregular the sampling. Mutable, one owner.
 */
final class Tally {
    long samples;
    long failedSamples;
    /** Time covered by samples that read something. */
    long readNanos;
    /** Time during which some thread held the GIL. */
    long gilNanos;
    /** Time during which at least one thread ran. */
    long activeNanos;
    /** Thread time of running threads: two threads running for a second count two seconds. */
    long runningThreadNanos;
    /** Thread time of the kept stacks: what the percentages of the table are shares of. */
    long threadNanos;
    final Map<FunctionId, FunctionTimes> functions = new HashMap<>();
    final Map<FunctionId, FunctionTimes> lines = new HashMap<>();

    void add(SampleDigest sample) {
        long weight = sample.weightNanos();
        samples++;
        if (sample.failed()) {
            failedSamples++;
        }
        if (sample.read()) {
            readNanos += weight;
            gilNanos += sample.gil() ? weight : 0;
            activeNanos += sample.runningThreads() > 0 ? weight : 0;
            runningThreadNanos += sample.runningThreads() * weight;
        }
        for (StackIds stack : sample.stacks()) {
            threadNanos += weight;
            count(functions, stack.leafFunction(), stack.functions(), weight);
            count(lines, stack.leafLine(), stack.lines(), weight);
        }
    }

    Map<FunctionId, FunctionTimes> times(boolean byLine) {
        return byLine ? lines : functions;
    }

    private static void count(Map<FunctionId, FunctionTimes> times, FunctionId leaf, Iterable<FunctionId> onStack,
                              long weight) {
        for (FunctionId id : onStack) {
            times.computeIfAbsent(id, key -> new FunctionTimes()).totalNanos += weight;
        }
        times.computeIfAbsent(leaf, key -> new FunctionTimes()).ownNanos += weight;
    }
}
