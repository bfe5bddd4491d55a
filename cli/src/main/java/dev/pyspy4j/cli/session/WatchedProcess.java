// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import dev.pyspy4j.cli.record.RecordConsole;
import dev.pyspy4j.cli.record.RecordMessages;
import dev.pyspy4j.cli.top.LiveTable;
import dev.pyspy4j.cli.top.TopDisplay;
import dev.pyspy4j.cli.top.TopDisplays;
import dev.pyspy4j.cli.top.TopLoop;
import dev.pyspy4j.cli.top.TopRenderer;
import dev.pyspy4j.cli.top.TopTable;
import dev.pyspy4j.engine.ProfilingRun;
import dev.pyspy4j.engine.sampling.FailureTally;
import dev.pyspy4j.engine.sampling.LagMonitor;
import dev.pyspy4j.engine.sampling.SamplingPlan;
import dev.pyspy4j.engine.sampling.SamplingResult;
import dev.pyspy4j.engine.sampling.SamplingThread;
import dev.pyspy4j.engine.sampling.StopReason;
import dev.pyspy4j.engine.sampling.StopSignal;
import dev.pyspy4j.engine.trace.TraceFilter;
import dev.pyspy4j.spi.SpyException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An opened source (one process, or a process tree) on {@code top}'s screen: samples it on a thread of its own
 * while the calling thread draws and reads keys. Whatever ends the run (q, Control-C, SIGTERM, the processes
 * exiting, a failure while drawing), sampling is stopped and awaited (so no process is left paused), the display
 * gives the terminal back, and the source is let go of, in that order.
 */
final class WatchedProcess {
    private final SessionEnvironment environment;
    private final TopDisplays displays;
    private final RecordConsole console;
    /** The failed reads of the last source watched; read only once its sampling thread has ended. */
    private FailureTally failures = new FailureTally();
    private boolean everyRoundFailed;

    WatchedProcess(SessionEnvironment environment, TopDisplays displays, RecordConsole console) {
        this.environment = environment;
        this.displays = displays;
        this.console = console;
    }

    /** Watches {@code run} until the user quits, a stop is requested or its processes exit, then lets go of them. */
    void watch(ProfilingRun run, TopRequest request) {
        StopSignal stop = run.stopSignal();
        SamplingResult result;
        FailureTally watchedFailures = new FailureTally();
        try {
            SamplingPlan plan = request.sampling();
            LiveTable table = new LiveTable(new TopTable(new TraceFilter(request.includeIdle(), plan.gilOnly()),
                    run.names(), new LagMonitor(plan.rate(), 0)));
            try (TopDisplay display = displays.open(new TopRenderer(run.subject(), request.delaySeconds()), stop)) {
                SamplingThread sampling = SamplingThread.start(run.sampler(), run.source(), sample -> {
                    sample.failures().forEach(failure -> watchedFailures.add(failure.failure()));
                    table.accept(sample);
                }, stop);
                try {
                    new TopLoop(table, display, environment.clock(), request.delayNanos(), stop, sampling::ended)
                            .run();
                } finally {
                    stop.request(StopReason.INTERRUPTED);
                    result = sampling.await();
                }
            }
        } finally {
            run.detach();
        }
        failures = watchedFailures;
        everyRoundFailed = result.stats().everyRoundFailed();
        if (result.reason() == StopReason.TARGET_EXITED || result.reason() == StopReason.TARGET_EXECED) {
            console.info(RecordMessages.stopped(result.reason(), OptionalLong.empty()));
        }
    }

    /** What made every read of the last source watched fail (its most common failure), when none succeeded. */
    Optional<SpyException> everySampleFailedBecause() {
        return everyRoundFailed ? failures.mostCommon() : Optional.empty();
    }
}
