// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.pprof;

import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import dev.pyspy4j.spi.output.RecordingCounts;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Aggregates samples into an {@link AggregatedProfile} and writes it with {@link ProfileWriter} at the end. */
final class PprofRecorder implements Recorder {
    private final OutputSettings settings;
    private final AggregatedProfile profile;
    private final long periodNanos;
    private long lastSampleNanos;
    private boolean sampled;
    /** How complete the recording is, once told; null until then (and for a replayed profile). */
    private RecordingCounts counts;

    PprofRecorder(OutputSettings settings) {
        this.settings = settings;
        this.profile = new AggregatedProfile(settings.lineNumbers());
        this.periodNanos = Math.max(1, 1_000_000_000L / settings.sampleRate());
    }

    @Override
    public void record(StackTrace trace, long elapsedNanos) {
        record(trace, elapsedNanos, 1);
    }

    @Override
    public void record(StackTrace trace, long elapsedNanos, long count) {
        profile.add(trace, count);
        lastSampleNanos = Math.max(lastSampleNanos, elapsedNanos);
        sampled = true;
    }

    @Override
    public void counts(RecordingCounts counts) {
        this.counts = counts;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        String timeType = settings.includesIdle() ? "wall" : "cpu";
        List<String> comments = new ArrayList<>(List.of(settings.title(), "written by " + settings.producer()));
        if (counts != null) {
            comments.add(counts.describe());
        }
        // The last sample stands for one period too.
        long durationNanos = sampled ? lastSampleNanos + periodNanos : 0;
        new ProfileWriter(profile, periodNanos, durationNanos, timeType, comments).write(out);
    }

    @Override
    public String announce(String path) {
        return "Wrote pprof profile to '" + path + "'";
    }

    @Override
    public String hint() {
        return "View it with 'go tool pprof -http=: <file>', or upload it to Pyroscope";
    }
}
