// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.trace;

import dev.pyspy4j.engine.sampling.FailureTally;
import dev.pyspy4j.engine.sampling.Sample;
import dev.pyspy4j.engine.sampling.SampleConsumer;
import dev.pyspy4j.engine.sampling.SampleFailure;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.Recorder;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Feeds samples to an output format's {@link Recorder}: keeps the stacks the filter wants, decorates them (short
 * file names, pseudo-frames) and records them with their time; counts the stacks recorded, per process too, and the
 * failed reads by reason. What a front end shows while recording (progress, warnings) is up to it.
 */
public final class RecorderFeed implements SampleConsumer {
    private final Recorder recorder;
    private final TraceFilter filter;
    private final TraceDecorator decorator;
    private final Map<Long, Long> stacksByPid = new HashMap<>();
    private final FailureTally failures = new FailureTally();
    private long stacks;

    public RecorderFeed(Recorder recorder, TraceFilter filter, TraceDecorator decorator) {
        this.recorder = Objects.requireNonNull(recorder, "recorder is null");
        this.filter = Objects.requireNonNull(filter, "filter is null");
        this.decorator = Objects.requireNonNull(decorator, "decorator is null");
    }

    @Override
    public void accept(Sample sample) {
        for (StackTrace trace : sample.traces()) {
            if (filter.keeps(trace)) {
                recorder.record(decorator.decorate(trace), sample.elapsedNanos());
                stacks++;
                stacksByPid.merge(trace.pid(), 1L, Long::sum);
            }
        }
        for (SampleFailure failure : sample.failures()) {
            failures.add(failure.failure());
        }
    }

    /** The stacks recorded so far. */
    public long stacks() {
        return stacks;
    }

    /** The stacks recorded of one process, for the per-process summary of a process tree. */
    public long stacksOf(long pid) {
        return stacksByPid.getOrDefault(pid, 0L);
    }

    /** The failed reads so far, by reason. */
    public FailureTally failures() {
        return failures;
    }
}
