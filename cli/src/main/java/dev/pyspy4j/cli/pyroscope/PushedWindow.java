// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.Recorder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * One window's profile for Pyroscope: a pprof recorder fed stacks without the thread or process they came from,
 * unless asked to keep them, and the wall-clock time the window started. The pprof format labels each sample with
 * what its stack knows of its thread ({@code thread_id}, {@code thread_name}) and process ({@code pid}), and a
 * stack that knows nothing gets no label; stacks that differ only there merge.
 */
final class PushedWindow implements Recorder {
    private final Recorder recorder;
    private final boolean keepThreads;
    private final boolean keepProcesses;
    private final long startEpochNanos;

    /**
     * @param recorder        a new, empty pprof recorder
     * @param kept            the sample labels to keep
     * @param startEpochNanos when the window starts, in nanoseconds since 1970
     */
    PushedWindow(Recorder recorder, Set<SampleLabels> kept, long startEpochNanos) {
        this.recorder = recorder;
        this.keepThreads = kept.contains(SampleLabels.THREAD);
        this.keepProcesses = kept.contains(SampleLabels.PID);
        this.startEpochNanos = startEpochNanos;
    }

    long startEpochNanos() {
        return startEpochNanos;
    }

    @Override
    public void record(StackTrace trace, long elapsedNanos) {
        recorder.record(trimmed(trace), elapsedNanos);
    }

    @Override
    public void record(StackTrace trace, long elapsedNanos, long count) {
        recorder.record(trimmed(trace), elapsedNanos, count);
    }

    private StackTrace trimmed(StackTrace trace) {
        if (keepThreads && keepProcesses) {
            return trace;
        }
        return new StackTrace(trace.pid(), keepThreads ? trace.threadId() : 0,
                keepThreads ? trace.threadName() : null, keepThreads ? trace.osThreadId() : 0, trace.active(),
                trace.ownsGil(), trace.frames(), keepProcesses ? trace.processInfo() : null);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        recorder.writeTo(out);
    }

    @Override
    public String announce(String path) {
        return recorder.announce(path);
    }
}
