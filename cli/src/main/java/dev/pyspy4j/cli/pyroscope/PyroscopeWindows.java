// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import dev.pyspy4j.cli.record.RecordConsole;
import dev.pyspy4j.cli.record.WindowSink;
import dev.pyspy4j.cli.record.WindowSpan;
import dev.pyspy4j.spi.output.Recorder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Windows of a recording pushed to a Pyroscope server ({@code record --pyroscope}): each window's stacks become a
 * gzipped pprof profile, stamped with the wall-clock time its window started, wrapped in a {@code PushRequest}
 * with the series' labels and queued for the {@link PushQueue}'s thread. Sampling never waits on the network; at
 * the end, the queue gets a bounded time to push what it holds.
 */
public final class PyroscopeWindows implements WindowSink {
    /** Profiles kept while the server is away: a minute of windows at the default interval. */
    public static final int QUEUE_CAPACITY = 6;
    /** How long the end of a recording waits for the last profiles to be pushed. */
    public static final Duration FINAL_WAIT = Duration.ofSeconds(5);

    private final PyroscopePush push;
    private final Supplier<Recorder> newPprofRecorder;
    private final List<LabelPair> seriesLabels;
    private final LongSupplier epochNanos;
    private final PushQueue queue;
    private final RecordConsole console;
    private final Events events = new Events();
    private PushCounts counts;

    /**
     * @param newPprofRecorder a new, empty recorder of the pprof format
     * @param profileName      {@code process_cpu}, or {@code wall} when idle samples are kept
     * @param epochNanos       the wall clock, in nanoseconds since 1970
     * @param transport        what sends a push
     */
    public PyroscopeWindows(PyroscopePush push, Supplier<Recorder> newPprofRecorder, String profileName,
                            LongSupplier epochNanos, PushTransport transport, Backoff backoff, Sleeper sleeper,
                            RecordConsole console) {
        this.push = push;
        this.newPprofRecorder = newPprofRecorder;
        this.seriesLabels = push.seriesLabels(profileName);
        this.epochNanos = epochNanos;
        this.console = console;
        this.queue = new PushQueue(QUEUE_CAPACITY, transport, backoff, sleeper, events);
    }

    @Override
    public void open(Consumer<Runnable> report) {
        events.reports = report;
    }

    @Override
    public Recorder newWindow() {
        return new PushedWindow(newPprofRecorder.get(), push.sampleLabels(), epochNanos.getAsLong());
    }

    @Override
    public Optional<String> refusal() {
        return Optional.empty();
    }

    @Override
    public void deliver(Recorder window, WindowSpan span, Consumer<Runnable> report) {
        // Every window is one of ours: with a period always set, the recording itself is never delivered.
        PushedWindow pushed = (PushedWindow) window;
        try {
            ByteArrayOutputStream pprof = new ByteArrayOutputStream();
            pushed.writeTo(pprof);
            byte[] profile = ProfileTimestamp.stamp(pprof.toByteArray(), pushed.startEpochNanos());
            queue.offer(PushRequestEncoder.encode(seriesLabels, profile, UUID.randomUUID().toString()));
        } catch (IOException | RuntimeException e) {
            report.accept(() -> console.warning("could not make the profile of window " + span.number() + " "
                    + span.describe() + ": " + e + "; the recording goes on"));
        }
    }

    @Override
    public void finish(Consumer<Runnable> report) {
        counts = queue.finish(FINAL_WAIT);
        PushCounts result = counts;
        report.accept(() -> console.info("Pyroscope at " + push.endpoint().server() + ": " + result.describe()));
    }

    /** What became of the profiles, once {@link #finish} has run. */
    public PushCounts counts() {
        return counts == null ? queue.counts() : counts;
    }

    /** Says what the pushing thread tells, on the sampling thread. */
    private final class Events implements PushEvents {
        private volatile Consumer<Runnable> reports = report -> { };
        private String lastFailure;

        @Override
        public void accepted(long pushed, long failedAttemptsBefore) {
            lastFailure = null;
            String server = push.endpoint().server();
            reports.accept(() -> console.info(failedAttemptsBefore == 0
                    ? "Pushing a profile to Pyroscope at " + server + " every " + push.intervalSeconds()
                    + " s: the first was accepted"
                    : "Pyroscope at " + server + " accepts profiles again, after " + failedAttemptsBefore
                    + " failed attempts"));
        }

        @Override
        public void attemptFailed(String why, boolean willRetry) {
            // A server that stays away would repeat the same line at every attempt: it is said once, until a
            // push goes through or the reason changes.
            String line = "push to " + push.endpoint().push() + " failed: " + why;
            if (willRetry && line.equals(lastFailure)) {
                return;
            }
            lastFailure = line;
            reports.accept(() -> console.warning(line + (willRetry ? "; trying again" : "; that profile is lost")));
        }

        @Override
        public void dropped(long droppedSoFar) {
            reports.accept(() -> console.warning("the server is away for longer than " + QUEUE_CAPACITY
                    + " profiles can wait: the oldest was dropped (" + droppedSoFar + " dropped so far)"));
        }
    }
}
