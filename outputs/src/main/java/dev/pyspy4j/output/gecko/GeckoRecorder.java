// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.gecko;

import dev.pyspy4j.output.support.ThreadKey;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import dev.pyspy4j.spi.output.RecordingCounts;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a {@link GeckoThread} per thread, keyed by process and interpreter thread id as the other formats key
 * them, and writes them with {@link GeckoWriter}.
 */
final class GeckoRecorder implements Recorder {
    private final OutputSettings settings;
    private final long startEpochMillis;
    private final Map<ThreadKey, GeckoThread> threads = new LinkedHashMap<>();
    /** How complete the recording is, once told; null until then (and for a replayed profile). */
    private RecordingCounts counts;

    /** @param startEpochMillis when the recording started, by the wall clock: the profile's start time */
    GeckoRecorder(OutputSettings settings, long startEpochMillis) {
        this.settings = settings;
        this.startEpochMillis = startEpochMillis;
    }

    @Override
    public void record(StackTrace trace, long elapsedNanos) {
        record(trace, elapsedNanos, 1);
    }

    /**
     * One sample weighted {@code count}: the format weighs samples, so a replayed aggregate costs one entry per
     * stack rather than one per sample it stands for.
     */
    @Override
    public void record(StackTrace trace, long elapsedNanos, long count) {
        if (count <= 0) {
            return;
        }
        threads.computeIfAbsent(ThreadKey.of(trace), key -> new GeckoThread(trace))
                .add(trace, elapsedNanos, count, settings.lineNumbers());
    }

    @Override
    public void counts(RecordingCounts counts) {
        this.counts = counts;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        new GeckoWriter(settings, startEpochMillis, counts).write(threads.values(), out);
    }

    @Override
    public String announce(String path) {
        return "Wrote Firefox Profiler file to '" + path + "'";
    }

    @Override
    public String hint() {
        return "Visit https://profiler.firefox.com/ and load the file to view";
    }
}
