// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.speedscope;

import dev.pyspy4j.output.support.FrameIds;
import dev.pyspy4j.output.support.FrameKey;
import dev.pyspy4j.output.support.Interner;
import dev.pyspy4j.output.support.ThreadIds;
import dev.pyspy4j.output.support.ThreadKey;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import dev.pyspy4j.spi.output.RecordingCounts;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps every distinct frame and stack once and a {@link ThreadTimeline} per thread, keyed by process and
 * interpreter thread id as py-spy keys them; writes them with {@link SpeedscopeWriter}.
 */
final class SpeedscopeRecorder implements Recorder {
    private final OutputSettings settings;
    private final long intervalNanos;
    private final Interner<FrameKey> frames = new Interner<>();
    private final Interner<FrameIds> stacks = new Interner<>();
    private final Map<ThreadKey, ThreadTimeline> threads = new LinkedHashMap<>();
    /** How complete the recording is, once told; null until then (and for a replayed profile). */
    private RecordingCounts counts;

    SpeedscopeRecorder(OutputSettings settings) {
        this.settings = settings;
        this.intervalNanos = 1_000_000_000L / settings.sampleRate();
    }

    @Override
    public void record(StackTrace trace, long elapsedNanos) {
        List<Frame> leafFirst = trace.frames();
        int[] rootFirst = new int[leafFirst.size()];
        // Interned leaf first, as py-spy does, so that the shared frames come in py-spy's order.
        for (int i = 0; i < rootFirst.length; i++) {
            rootFirst[rootFirst.length - 1 - i] = frames.intern(FrameKey.of(leafFirst.get(i), settings.lineNumbers()));
        }
        int stack = stacks.intern(new FrameIds(rootFirst));
        threads.computeIfAbsent(ThreadKey.of(trace),
                key -> new ThreadTimeline(profileName(trace), intervalNanos)).add(stack, elapsedNanos);
    }

    /** py-spy's profile names: {@code Thread 1234 "MainThread"}, prefixed by the process when sampling a tree. */
    static String profileName(StackTrace trace) {
        String thread = "Thread " + ThreadIds.format(trace) + " \""
                + (trace.threadName() == null ? "" : trace.threadName()) + "\"";
        return trace.processInfo() == null ? thread : "Process " + trace.pid() + " " + thread;
    }

    @Override
    public void counts(RecordingCounts counts) {
        this.counts = counts;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        new SpeedscopeWriter(settings, frames, stacks, counts).write(threads.values(), out);
    }

    @Override
    public String announce(String path) {
        return "Wrote speedscope file to '" + path + "'";
    }

    @Override
    public String hint() {
        return "Visit https://www.speedscope.app/ to view";
    }
}
