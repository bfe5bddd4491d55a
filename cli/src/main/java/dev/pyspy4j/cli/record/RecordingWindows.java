// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.Recorder;
import dev.pyspy4j.spi.output.RecordingCounts;
import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Cuts a recording into windows while it goes on and hands each to a {@link WindowSink}: the numbered files of
 * {@code record --period} and SIGUSR1 ({@code out.1.svg}, {@code out.2.svg}, … beside {@code out.svg}), or the
 * profiles {@code --pyroscope} pushes. Each window holds the stacks from the end of the previous one (or the start)
 * to the end of a period or to a request; the recording's own recorder still gets everything. Without a period
 * nothing is recorded twice until the first request, whose window holds everything so far; windows start from it.
 *
 * <p>Used by the sampling thread alone, except {@link #request}. A window is delivered on a thread of its own, so
 * that sampling goes on meanwhile; what became of it is said between samples, on the sampling thread.
 */
public final class RecordingWindows {
    /** How long the end of a recording waits for windows still being delivered. */
    private static final long DELIVERIES_WAIT_SECONDS = 120;

    private final WindowSink sink;
    private final OptionalLong periodNanos;
    private final RecordConsole console;
    private final Queue<Runnable> reports = new ConcurrentLinkedQueue<>();
    private volatile boolean requested;
    private ExecutorService deliverer;
    private Recorder whole;
    private Recorder window;
    private long windowStartNanos;
    private long windowStacks;
    private boolean windowTicked;
    private long lastTickNanos;
    private boolean refusalSaid;
    private int delivered;

    /**
     * @param sink        where finished windows go; {@code null} for none
     * @param periodNanos how long each window lasts; empty for windows ended by requests alone
     */
    public RecordingWindows(WindowSink sink, OptionalLong periodNanos, RecordConsole console) {
        this.sink = sink;
        this.periodNanos = periodNanos;
        this.console = console;
        if (sink != null) {
            sink.open(reports::add);
        }
    }

    /**
     * Windows written as numbered files beside {@code output}.
     *
     * @param newRecorder a new, empty recorder of the recording's format
     * @param extension   the format's file extension, before which a file's number goes
     * @param periodNanos how long each window lasts; empty for windows ended by requests alone
     */
    public RecordingWindows(Supplier<Recorder> newRecorder, OutputFile output, String extension,
                            OptionalLong periodNanos, RecordConsole console) {
        this(new NumberedFiles(newRecorder, output, extension, console), periodNanos, console);
    }

    /** Windows that nothing ever ends: the recording alone. */
    public static RecordingWindows none(RecordConsole console) {
        return new RecordingWindows((WindowSink) null, OptionalLong.empty(), console);
    }

    /** Asks for the current window at the next sample; callable from any thread. */
    public void request() {
        requested = true;
    }

    /** The recorder to feed: {@code recording}, and the current window's as well once windows have started. */
    public Recorder feeding(Recorder recording) {
        this.whole = recording;
        return new Tee();
    }

    /** Ends the current window before the stacks of the tick at {@code elapsedNanos} are recorded, when it is due. */
    public void beforeTick(long elapsedNanos) {
        sayReports();
        lastTickNanos = elapsedNanos;
        if (window == null && periodNanos.isPresent()) {
            startWindow(elapsedNanos);
        }
        boolean periodOver = window != null && elapsedNanos - windowStartNanos >= periodNanos.orElse(Long.MAX_VALUE);
        if (requested || periodOver) {
            requested = false;
            endWindow(elapsedNanos);
        }
        windowTicked = window != null;
    }

    /**
     * Delivers the last window, if a tick fell into it (it ends with the last tick), waits for the deliveries still
     * under way and lets the sink finish.
     */
    public void finish() {
        if (window != null && windowTicked) {
            submit(window, windowStartNanos, lastTickNanos, windowStacks);
            window = null;
        }
        if (deliverer != null) {
            deliverer.shutdown();
            try {
                if (!deliverer.awaitTermination(DELIVERIES_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    console.warning("windows of the recording were still being delivered after "
                            + DELIVERIES_WAIT_SECONDS + " s; they may be incomplete");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sayReports();
        if (sink != null) {
            sink.finish(reports::add);
            sayReports();
        }
    }

    private void endWindow(long elapsedNanos) {
        if (sink == null) {
            return;
        }
        var refusal = sink.refusal();
        if (refusal.isPresent()) {
            if (!refusalSaid) {
                refusalSaid = true;
                console.warning(refusal.get());
            }
            return;
        }
        if (window != null) {
            submit(window, windowStartNanos, elapsedNanos, windowStacks);
        } else {
            // The first request of a recording without a period: everything so far, from the recording itself, on
            // this thread, the only one that touches it.
            sink.deliver(whole, new WindowSpan(++delivered, 0, elapsedNanos, -1), reports::add);
        }
        startWindow(elapsedNanos);
    }

    private void startWindow(long elapsedNanos) {
        window = sink.newWindow();
        windowStartNanos = elapsedNanos;
        windowStacks = 0;
        windowTicked = false;
    }

    private void submit(Recorder finished, long startNanos, long endNanos, long stacks) {
        WindowSpan span = new WindowSpan(++delivered, startNanos, endNanos, stacks);
        if (deliverer == null) {
            deliverer = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "pyspy4j-windows");
                thread.setDaemon(true);
                return thread;
            });
        }
        deliverer.execute(() -> sink.deliver(finished, span, reports::add));
    }

    private void sayReports() {
        for (Runnable report = reports.poll(); report != null; report = reports.poll()) {
            report.run();
        }
    }
    /** The recording's recorder and, once windows have started, the current window's. */
    private final class Tee implements Recorder {
        @Override
        public void record(StackTrace trace, long elapsedNanos) {
            whole.record(trace, elapsedNanos);
            if (window != null) {
                window.record(trace, elapsedNanos);
                windowStacks++;
            }
        }

        @Override
        public void record(StackTrace trace, long elapsedNanos, long count) {
            whole.record(trace, elapsedNanos, count);
            if (window != null) {
                window.record(trace, elapsedNanos, count);
                windowStacks += count;
            }
        }

        @Override
        public void counts(RecordingCounts counts) {
            whole.counts(counts);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            whole.writeTo(out);
        }

        @Override
        public String announce(String path) {
            return whole.announce(path);
        }

        @Override
        public String hint() {
            return whole.hint();
        }
    }
}
