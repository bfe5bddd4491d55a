// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.Recorder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The numbered files of {@code record --period} and SIGUSR1, written while the recording goes on ({@code out.1.svg},
 * {@code out.2.svg}, … beside {@code out.svg}). Each holds the stacks of one window of the recording, from the end
 * of the previous numbered file (or the start) to the end of a period or to a request, and is a complete file of
 * the format; the file named by {@code -o} still gets the whole recording at the end. Without a period nothing is
 * recorded twice until the first request, whose file holds everything so far; windows start from it.
 *
 * <p>Used by the sampling thread alone, except {@link #request}. A window's file is written on a thread of its
 * own, so that sampling goes on meanwhile; what became of it is said between samples, on the sampling thread.
 */
public final class RecordingWindows {
    /** How long the end of a recording waits for numbered files still being written. */
    private static final long WRITES_WAIT_SECONDS = 120;

    private final Supplier<Recorder> newRecorder;
    private final OutputFile output;
    private final String extension;
    private final OptionalLong periodNanos;
    private final RecordConsole console;
    private final Queue<Runnable> reports = new ConcurrentLinkedQueue<>();
    private volatile boolean requested;
    private ExecutorService writer;
    private Recorder whole;
    private Recorder window;
    private long windowStartNanos;
    private long windowStacks;
    private boolean windowTicked;
    private long lastTickNanos;
    private boolean refusalSaid;
    private int written;

    /**
     * @param newRecorder a new, empty recorder of the recording's format
     * @param extension   the format's file extension, before which a file's number goes
     * @param periodNanos how long each window lasts; empty for windows ended by requests alone
     */
    public RecordingWindows(Supplier<Recorder> newRecorder, OutputFile output, String extension,
                            OptionalLong periodNanos, RecordConsole console) {
        this.newRecorder = newRecorder;
        this.output = output;
        this.extension = extension;
        this.periodNanos = periodNanos;
        this.console = console;
    }

    /** Windows that nothing ever ends: the recording alone. */
    public static RecordingWindows none(RecordConsole console) {
        return new RecordingWindows(() -> null, null, "", OptionalLong.empty(), console);
    }

    /** Asks for the current window's file at the next sample; callable from any thread. */
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
     * Writes the last window, if a tick fell into it (it ends with the last tick), and waits for the files still
     * being written.
     */
    public void finish() {
        if (window != null && windowTicked) {
            submit(window, windowStartNanos, lastTickNanos, windowStacks);
            window = null;
        }
        if (writer != null) {
            writer.shutdown();
            try {
                if (!writer.awaitTermination(WRITES_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    console.warning("numbered files were still being written after " + WRITES_WAIT_SECONDS
                            + " s; they may be incomplete");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sayReports();
    }

    private void endWindow(long elapsedNanos) {
        if (output == null || !output.takesNumberedSiblings()) {
            if (!refusalSaid && output != null) {
                refusalSaid = true;
                console.warning("no numbered file was written: they go beside the output file, and '"
                        + output.shownAs() + "' is not one");
            }
            return;
        }
        if (window != null) {
            submit(window, windowStartNanos, elapsedNanos, windowStacks);
        } else {
            // The first request of a recording without a period: everything so far, from the recording itself, on
            // this thread, the only one that touches it.
            write(whole, ++written, 0, elapsedNanos, -1);
        }
        startWindow(elapsedNanos);
    }

    private void startWindow(long elapsedNanos) {
        window = newRecorder.get();
        windowStartNanos = elapsedNanos;
        windowStacks = 0;
        windowTicked = false;
    }

    private void submit(Recorder finished, long startNanos, long endNanos, long stacks) {
        int number = ++written;
        if (writer == null) {
            writer = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "pyspy4j-numbered-files");
                thread.setDaemon(true);
                return thread;
            });
        }
        writer.execute(() -> write(finished, number, startNanos, endNanos, stacks));
    }

    /** Writes one numbered file; what became of it is said later, on the sampling thread. */
    private void write(Recorder recorder, int number, long startNanos, long endNanos, long stacks) {
        String name = output.numberedName(number, extension);
        try {
            OutputFile.prepare(name).write(recorder);
            String span = String.format(Locale.ROOT, " (%.1f to %.1f s of the recording", startNanos / 1e9,
                    endNanos / 1e9) + (stacks < 0 ? ")" : ": " + stacks + " stacks)");
            reports.add(() -> console.info(recorder.announce(name) + span));
        } catch (SpyException e) {
            reports.add(() -> console.warning(e.getMessage() + "; the recording goes on"));
        } catch (RuntimeException e) {
            reports.add(() -> console.warning("could not write '" + name + "': " + e + "; the recording goes on"));
        }
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
