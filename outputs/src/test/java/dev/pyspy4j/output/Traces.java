// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.ProcessInfo;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputFormat;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import dev.pyspy4j.spi.output.RecordingCounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Builds frames, stacks and recordings for the format tests. */
public final class Traces {
    public static final OutputSettings WITH_LINES = new OutputSettings("pyspy4j record -o out -- python app.py", 100,
            true, "pyspy4j test");
    public static final OutputSettings WITHOUT_LINES = new OutputSettings("pyspy4j record --nolineno -- python app.py",
            100, false, "pyspy4j test");

    private Traces() {
    }

    /** A Python frame whose short file name is the part after the last slash. */
    public static Frame frame(String name, String file, int line) {
        return new Frame(name, file, null, file.substring(file.lastIndexOf('/') + 1), line, null, false, false);
    }

    /** A pseudo-frame such as {@code thread (12): MainThread}: a name without file or line. */
    public static Frame pseudo(String name) {
        return new Frame(name, "", null, "", 0, null, false, false);
    }

    /** A stack of thread {@code threadId} of process 10, with frames given leaf first. */
    public static StackTrace stack(long threadId, String threadName, long osThreadId, Frame... leafFirst) {
        return new StackTrace(10, threadId, threadName, osThreadId, true, true, List.of(leafFirst), null);
    }

    /** {@code trace} as sampled from a process tree. */
    public static StackTrace inProcess(StackTrace trace, long pid, String commandLine) {
        return new StackTrace(pid, trace.threadId(), trace.threadName(), trace.osThreadId(), trace.active(),
                trace.ownsGil(), trace.frames(), new ProcessInfo(pid, commandLine, null));
    }

    /** One sample: a stack and when it was taken. */
    public record Timed(StackTrace trace, long elapsedNanos) {
    }

    /** Records {@code samples} with a new recorder of {@code format} and returns what it wrote. */
    public static byte[] write(OutputFormat format, OutputSettings settings, List<Timed> samples) {
        return write(format, settings, samples, null);
    }

    /**
     * Records {@code samples} with a new recorder of {@code format}, tells it {@code counts} (unless null) and
     * returns what it wrote.
     */
    public static byte[] write(OutputFormat format, OutputSettings settings, List<Timed> samples,
                               RecordingCounts counts) {
        Recorder recorder = format.newRecorder(settings);
        for (Timed sample : samples) {
            recorder.record(sample.trace(), sample.elapsedNanos());
        }
        if (counts != null) {
            recorder.counts(counts);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            recorder.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
