// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.chrometrace;

import dev.pyspy4j.output.support.FrameKey;
import dev.pyspy4j.output.support.Interner;
import dev.pyspy4j.output.support.ThreadIds;
import dev.pyspy4j.output.support.ThreadKey;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.Recorder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns each thread's successive stacks into begin/end events, as py-spy's {@code chrometrace.rs}: frames are
 * compared root first (the same function, file and, when shown, line); at each sample the frames that left are
 * ended leaf first and the new ones begun root first, at the sample's time. Memory grows with stack changes.
 *
 * <p>A thread that goes unsampled for a while (idle and filtered out, or waiting for the GIL) keeps open the frames
 * it still has when it is sampled again: they were on its stack at both ends of the gap. The frames it left are
 * ended where the last sample that saw them ends, one interval after it, and a thread never sampled again has all
 * its frames ended so. py-spy leaves everything open across any gap, which draws an idle thread busy in code it
 * had left; ending everything and beginning it again, as pyspy4j once did, made files several times larger than
 * py-spy's for threads that sleep often and cut the timeline into pieces a reader must join by eye.
 */
final class ChromeTraceRecorder implements Recorder {
    /**
     * A thread unsampled for longer than this many sampling intervals has its frames ended. Sampling intervals are
     * random (exponential around the rate), so gaps of two or three intervals are common (one sample in seven waits
     * over two intervals) and must not close and reopen the whole stack; a gap of ten happens by chance once in
     * 20,000 samples, and otherwise means the thread was idle (filtered out) or the sampler fell behind.
     */
    static final int GAP_INTERVALS = 10;

    private final OutputSettings settings;
    private final Interner<FrameKey> frames = new Interner<>();
    private final Map<ThreadKey, TracedThread> threads = new LinkedHashMap<>();
    private final Map<Long, String> processNames = new LinkedHashMap<>();
    private final TraceEvents events = new TraceEvents();
    private final long intervalMicros;
    private long lastMicros;

    ChromeTraceRecorder(OutputSettings settings) {
        this.settings = settings;
        this.intervalMicros = 1_000_000L / settings.sampleRate();
    }

    @Override
    public void record(StackTrace trace, long elapsedNanos) {
        long micros = elapsedNanos / 1000;
        lastMicros = Math.max(lastMicros, micros);
        TracedThread thread = threads.computeIfAbsent(ThreadKey.of(trace),
                key -> new TracedThread(threads.size(), trace.hasOsThreadId() ? trace.osThreadId() : threads.size(),
                        trace.pid(), threadName(trace)));
        if (trace.processInfo() != null) {
            processNames.putIfAbsent(trace.pid(), trace.processInfo().commandLine());
        }
        int[] now = rootFirstIds(trace.frames());
        int[] before = thread.openFrames();
        int common = commonPrefix(before, now);
        long leftAt = isStale(thread, micros) ? thread.lastSampleMicros() + intervalMicros : micros;
        for (int i = before.length - 1; i >= common; i--) {
            events.end(thread.index(), before[i], leftAt);
        }
        for (int i = common; i < now.length; i++) {
            events.begin(thread.index(), now[i], micros);
        }
        thread.setOpenFrames(now);
        thread.setLastSampleMicros(micros);
    }

    /** Whether the thread went unsampled for longer than {@link #GAP_INTERVALS} intervals before {@code micros}. */
    private boolean isStale(TracedThread thread, long micros) {
        return micros - thread.lastSampleMicros() > GAP_INTERVALS * intervalMicros;
    }

    /** Ends every open frame of a thread where its last sample's interval ended. */
    private void endAllAfterLastSample(TracedThread thread) {
        int[] open = thread.openFrames();
        for (int i = open.length - 1; i >= 0; i--) {
            events.end(thread.index(), open[i], thread.lastSampleMicros() + intervalMicros);
        }
        thread.setOpenFrames(new int[0]);
    }

    private int[] rootFirstIds(List<Frame> leafFirst) {
        int[] ids = new int[leafFirst.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = frames.intern(FrameKey.of(leafFirst.get(ids.length - 1 - i), settings.lineNumbers()));
        }
        return ids;
    }

    private static int commonPrefix(int[] a, int[] b) {
        int length = Math.min(a.length, b.length);
        int i = 0;
        while (i < length && a[i] == b[i]) {
            i++;
        }
        return i;
    }

    /** The thread's name in the trace: its id as py-spy prints it and its {@code threading} name. */
    private static String threadName(StackTrace trace) {
        String id = ThreadIds.format(trace);
        return trace.threadName() == null ? id : id + ": " + trace.threadName();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        // Frames still open end one sampling interval after the last sample, the time that sample stands for.
        long endMicros = lastMicros + intervalMicros;
        for (TracedThread thread : threads.values()) {
            if (isStale(thread, endMicros)) {
                endAllAfterLastSample(thread);
            }
        }
        new ChromeTraceWriter(frames, settings.lineNumbers())
                .write(new ArrayList<>(threads.values()), processNames, events, endMicros, out);
    }

    @Override
    public String announce(String path) {
        return "Wrote chrome trace to '" + path + "'";
    }

    @Override
    public String hint() {
        return "Visit chrome://tracing or https://ui.perfetto.dev/ to view";
    }
}
