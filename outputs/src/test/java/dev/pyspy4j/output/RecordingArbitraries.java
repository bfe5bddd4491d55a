// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random recordings for property tests: a few threads of one or two processes, stacks drawn from a small pool of
 * frames (so that stacks repeat and share prefixes, with recursion), names with markup, spaces, parentheses and
 * non-ASCII text, and samples at 100 Hz with random gaps, in time order.
 */
public final class RecordingArbitraries {
    private static final long INTERVAL_NANOS = 10_000_000L;
    private static final List<Frame> POOL = List.of(
            Traces.frame("main", "/app/main.py", 7),
            Traces.frame("<module>", "/app/main.py", 1),
            Traces.frame("compute<T>&\"x\"", "/app/ünï/mod.py", 42),
            Traces.frame("compute<T>&\"x\"", "/app/ünï/mod.py", 43),
            Traces.frame("関数", "/app/名前.py", 3),
            Traces.frame("run (again)", "/usr/lib/python3.12/threading.py", 1010),
            Traces.frame("<lambda>", "<frozen importlib._bootstrap>", 0),
            Traces.frame("emoji_😀", "/app/e.py", 5),
            Traces.pseudo("thread (11): worker"));

    private RecordingArbitraries() {
    }

    /** A recording of up to 60 samples. */
    public static Arbitrary<List<Traces.Timed>> recordings() {
        return sample().list().ofMaxSize(60).map(RecordingArbitraries::inTimeOrder);
    }

    private static Arbitrary<Step> sample() {
        Arbitrary<Integer> thread = Arbitraries.integers().between(0, 3);
        Arbitrary<List<Frame>> frames = Arbitraries.of(POOL).list().ofMaxSize(6);
        // Mostly the next tick, sometimes the same tick (several stacks per sample), sometimes after a gap.
        Arbitrary<Integer> ticksLater = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(1)),
                Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(2, 50)));
        return Combinators.combine(thread, frames, ticksLater).as(Step::new);
    }

    private static List<Traces.Timed> inTimeOrder(List<Step> steps) {
        List<Traces.Timed> samples = new ArrayList<>();
        long nanos = 0;
        for (Step step : steps) {
            nanos += step.ticksLater * INTERVAL_NANOS + (step.ticksLater > 0 ? step.thread * 1000L : 0);
            samples.add(new Traces.Timed(traceOf(step), nanos));
        }
        return samples;
    }

    private static StackTrace traceOf(Step step) {
        // Threads 0 and 1 belong to process 10, threads 2 and 3 to process 20; thread 3 has no OS thread id.
        long pid = step.thread < 2 ? 10 : 20;
        StackTrace trace = new StackTrace(pid, 0x7f00L + step.thread, step.thread == 1 ? null : "t" + step.thread,
                step.thread == 3 ? 0 : 100 + step.thread, true, true, step.frames, null);
        return pid == 20 ? Traces.inProcess(trace, pid, "python child.py") : trace;
    }

    /** One generated sample: which thread, its frames (leaf first) and how many ticks after the previous one. */
    private record Step(int thread, List<Frame> frames, int ticksLater) {
    }
}
