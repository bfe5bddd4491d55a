// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import dev.pyspy4j.engine.sampling.FailureTally;
import dev.pyspy4j.engine.sampling.LagMonitor;
import dev.pyspy4j.engine.sampling.Sample;
import dev.pyspy4j.engine.sampling.SampleConsumer;
import dev.pyspy4j.engine.trace.RecorderFeed;
import dev.pyspy4j.engine.trace.TraceDecorator;
import dev.pyspy4j.engine.trace.TraceFilter;
import dev.pyspy4j.spi.output.Recorder;
import java.util.OptionalLong;

/**
 * The consumer of a recording: keeps the stacks the filters allow, decorates them and feeds them to the format's
 * {@link Recorder}; counts samples (kept stacks, one per thread per tick, as py-spy counts them) and errors (failed
 * reads); keeps the status line current and warns when sampling falls behind.
 */
public final class Recording implements SampleConsumer {
    /** With {@code --verbose}, at most this many failures are described, so a failing run cannot flood the screen. */
    private static final int FAILURES_SHOWN = 20;

    private final RecorderFeed feed;
    private final RecordingWindows windows;
    private final LagMonitor lag;
    private final RecordConsole console;
    private final ProgressLine progress;
    private final boolean describeFailures;

    /**
     * @param durationSeconds  the duration asked for, shown in the status line
     * @param showStatus       whether to keep a status line (shown only on a terminal anyway)
     * @param describeFailures whether to print why samples failed ({@code --verbose})
     */
    public Recording(Recorder recorder, TraceFilter filter, TraceDecorator decorator, LagMonitor lag,
                     RecordConsole console, OptionalLong durationSeconds, boolean showStatus,
                     boolean describeFailures) {
        this(recorder, RecordingWindows.none(console), filter, decorator, lag, console, durationSeconds, showStatus,
                describeFailures);
    }

    /**
     * @param windows the numbered files written while recording ({@code --period}, SIGUSR1)
     */
    public Recording(Recorder recorder, RecordingWindows windows, TraceFilter filter, TraceDecorator decorator,
                     LagMonitor lag, RecordConsole console, OptionalLong durationSeconds, boolean showStatus,
                     boolean describeFailures) {
        this.windows = windows;
        this.feed = new RecorderFeed(windows.feeding(recorder), filter, decorator);
        this.lag = lag;
        this.console = console;
        this.progress = new ProgressLine(console, durationSeconds, showStatus);
        this.describeFailures = describeFailures;
    }

    @Override
    public void accept(Sample sample) {
        windows.beforeTick(sample.elapsedNanos());
        long failedBefore = feed.failures().total();
        feed.accept(sample);
        if (describeFailures) {
            long shown = Math.max(0, FAILURES_SHOWN - failedBefore);
            sample.failures().stream().limit(shown).forEach(failure -> console.warning(
                    "failed to sample process " + failure.pid() + ": " + failure.failure().getMessage()));
        }
        lag.observe(sample).ifPresent(behind -> console.warning(RecordMessages.behind(behind)));
        progress.update(sample.elapsedNanos(), feed.stacks(), feed.failures().total());
    }

    /** Removes the status line; writes the last numbered file, if any, and waits for those being written. */
    public void finish() {
        progress.finish();
        windows.finish();
    }

    public long samples() {
        return feed.stacks();
    }

    public long errors() {
        return feed.failures().total();
    }

    /** The failed reads, by reason. */
    public FailureTally failures() {
        return feed.failures();
    }

    /** The samples of one process, for the per-process summary of a process tree. */
    public long samplesOf(long pid) {
        return feed.stacksOf(pid);
    }
}
