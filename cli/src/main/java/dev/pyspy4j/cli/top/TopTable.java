// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import dev.pyspy4j.engine.names.FilenameShortener;
import dev.pyspy4j.engine.sampling.Lag;
import dev.pyspy4j.engine.sampling.LagMonitor;
import dev.pyspy4j.engine.sampling.Sample;
import dev.pyspy4j.engine.sampling.SampleFailure;
import dev.pyspy4j.engine.trace.TraceFilter;
import dev.pyspy4j.spi.model.StackTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The statistics behind {@code top}'s screen. Samples are counted twice: into the current refresh interval, whose
 * shares the next screen shows once {@link #roll()} closes it, and into the totals since the start (or the last
 * {@link #reset()}), whose times the screen shows. Both aggregations (by function and by line) are kept, so that
 * switching between them loses nothing. Not thread-safe; see {@link LiveTable}.
 */
public final class TopTable {
    private final SampleDigester digester;
    private final LagMonitor lagMonitor;
    private Tally interval = new Tally();
    private Tally lastInterval = new Tally();
    private Tally overall = new Tally();
    private Lag intervalLag;
    private Lag lastIntervalLag;
    private String lastError;
    private Sample heldBack;
    private int threads;
    private int processes;

    /**
     * @param filter which stacks count (idle threads, {@code --gil})
     * @param names  how file names are shown, by pid
     * @param lag    watches for sampling that falls behind
     */
    public TopTable(TraceFilter filter, LongFunction<FilenameShortener> names, LagMonitor lag) {
        this.digester = new SampleDigester(filter, names);
        this.lagMonitor = lag;
    }

    /**
     * Counts a sample. One that read nothing and failed nothing waits for the next: the sampler's last sample, when
     * the process has exited, is such an empty one, and is no sample of the process.
     */
    public void accept(Sample sample) {
        if (heldBack != null) {
            count(heldBack);
            heldBack = null;
        }
        if (sample.traces().isEmpty() && sample.failures().isEmpty()) {
            heldBack = sample;
        } else {
            count(sample);
        }
    }

    private void count(Sample sample) {
        SampleDigest digest = digester.digest(sample);
        interval.add(digest);
        overall.add(digest);
        lagMonitor.observe(sample).ifPresent(lag -> intervalLag = lag);
        for (SampleFailure failure : sample.failures()) {
            lastError = failure.failure().getMessage();
        }
        if (!sample.traces().isEmpty()) {
            threads = sample.traces().size();
            processes = (int) sample.traces().stream().mapToLong(StackTrace::pid).distinct().count();
        }
    }

    /** Ends the current refresh interval: its shares are the ones shown from now on. */
    public void roll() {
        lastInterval = interval;
        lastIntervalLag = intervalLag;
        interval = new Tally();
        intervalLag = null;
    }

    /** Forgets everything counted so far (py-spy's R key). */
    public void reset() {
        interval = new Tally();
        lastInterval = new Tally();
        overall = new Tally();
        intervalLag = null;
        lastIntervalLag = null;
        lastError = null;
    }

    /** What the screen shows now, rows by function or by line, in {@code sort}'s order. */
    public TopView view(SortColumn sort, boolean byLine) {
        Map<FunctionId, FunctionTimes> recent = lastInterval.times(byLine);
        List<TopRow> rows = new ArrayList<>();
        overall.times(byLine).forEach((id, times) -> rows.add(row(id, recent.get(id), times)));
        rows.sort(sort.order());
        Tally shares = lastInterval;
        return new TopView(overall.samples, overall.failedSamples, Optional.ofNullable(lastError), shares.samples,
                percent(shares.gilNanos, shares.readNanos), percent(shares.activeNanos, shares.readNanos),
                shares.readNanos == 0 ? 0 : (double) shares.runningThreadNanos / shares.readNanos, threads,
                processes, Optional.ofNullable(lastIntervalLag), byLine, rows);
    }

    private TopRow row(FunctionId id, FunctionTimes recent, FunctionTimes overallTimes) {
        long threadNanos = lastInterval.threadNanos;
        return new TopRow(id, recent == null ? 0 : percent(recent.ownNanos, threadNanos),
                recent == null ? 0 : percent(recent.totalNanos, threadNanos), overallTimes.ownNanos / 1e9,
                overallTimes.totalNanos / 1e9);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
