// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import dev.pyspy4j.engine.names.FilenameShortener;
import dev.pyspy4j.engine.sampling.Sample;
import dev.pyspy4j.engine.trace.TraceFilter;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Reduces each sample to what {@code top} counts: the stacks the filters keep (as {@code record} keeps them), named
 * by function and by line, and the weight of the sample: the wall time since the previous one. Weighting by wall
 * time rather than counting ticks keeps times right when sampling is irregular or falls behind. Samples must come
 * in order; one owner.
 */
final class SampleDigester {
    private final TraceFilter filter;
    private final LongFunction<FilenameShortener> names;
    private long previousElapsedNanos;

    /**
     * @param names how each process's file names are shown, by pid (processes of a tree may see different files)
     */
    SampleDigester(TraceFilter filter, LongFunction<FilenameShortener> names) {
        this.filter = filter;
        this.names = names;
    }

    SampleDigest digest(Sample sample) {
        long weight = Math.max(0, sample.elapsedNanos() - previousElapsedNanos);
        previousElapsedNanos = Math.max(previousElapsedNanos, sample.elapsedNanos());
        boolean gil = false;
        int running = 0;
        List<StackIds> stacks = new ArrayList<>();
        for (StackTrace trace : sample.traces()) {
            gil |= trace.ownsGil();
            running += trace.active() ? 1 : 0;
            if (filter.keeps(trace)) {
                stacks.add(ids(trace.frames(), names.apply(trace.pid())));
            }
        }
        boolean read = !sample.traces().isEmpty() || sample.failures().isEmpty();
        return new SampleDigest(weight, read, !sample.failures().isEmpty(), gil, running, stacks);
    }

    /** The stack's functions and lines; a recursive function is on the stack once, whatever its depth. */
    private static StackIds ids(List<Frame> leafFirst, FilenameShortener names) {
        Set<FunctionId> functions = new HashSet<>();
        Set<FunctionId> lines = new HashSet<>();
        FunctionId leafFunction = null;
        FunctionId leafLine = null;
        for (Frame frame : leafFirst) {
            String file = names.shorten(frame);
            FunctionId function = new FunctionId(frame.name(), file, 0);
            FunctionId line = new FunctionId(frame.name(), file, Math.max(0, frame.line()));
            functions.add(function);
            lines.add(line);
            if (leafFunction == null) {
                leafFunction = function;
                leafLine = line;
            }
        }
        return new StackIds(leafFunction, functions, leafLine, lines);
    }
}
