// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.chrometrace;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pyspy4j.output.support.FrameKey;
import dev.pyspy4j.output.support.Interner;
import dev.pyspy4j.output.support.JsonOutput;
import dev.pyspy4j.output.support.WellFormedText;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes Chrome's trace event format as py-spy does, a bare JSON array on one line (the format also allows an
 * object with {@code traceEvents}; both load in chrome://tracing and Perfetto): {@code process_name} and
 * {@code thread_name} metadata events, then duration events
 * {@code {"args":{"filename":..,"line":..},"cat":"pyspy4j","name":..,"ph":"B"|"E","pid":..,"tid":..,"ts":..}} in
 * time order, timestamps in microseconds, and finally an end event for every frame still open.
 */
final class ChromeTraceWriter {
    static final String CATEGORY = "pyspy4j";

    private final Interner<FrameKey> frames;
    private final boolean lineNumbers;

    ChromeTraceWriter(Interner<FrameKey> frames, boolean lineNumbers) {
        this.frames = frames;
        this.lineNumbers = lineNumbers;
    }

    /** Writes the trace; flushes but does not close {@code out}. */
    void write(List<TracedThread> threads, Map<Long, String> processNames, TraceEvents events, long endMicros,
               OutputStream out) throws IOException {
        try (JsonGenerator json = JsonOutput.generator(out)) {
            json.writeStartArray();
            for (Map.Entry<Long, String> process : processNames.entrySet()) {
                writeMetadata(json, "process_name", process.getKey(), 0, process.getValue());
            }
            for (TracedThread thread : threads) {
                writeMetadata(json, "thread_name", thread.pid(), thread.tid(), thread.name());
            }
            for (int i = 0; i < events.size(); i++) {
                TracedThread thread = threads.get(events.thread(i));
                writeEvent(json, thread, events.frame(i), events.isEnd(i) ? "E" : "B", events.micros(i));
            }
            for (TracedThread thread : threads) {
                int[] open = thread.openFrames();
                for (int i = open.length - 1; i >= 0; i--) {
                    writeEvent(json, thread, open[i], "E", endMicros);
                }
            }
            json.writeEndArray();
            json.writeRaw('\n');
        }
    }

    private void writeEvent(JsonGenerator json, TracedThread thread, int frameId, String phase, long micros)
            throws IOException {
        FrameKey frame = frames.get(frameId);
        json.writeStartObject();
        json.writeObjectFieldStart("args");
        json.writeStringField("filename", WellFormedText.of(frame.filename()));
        if (lineNumbers && frame.line() != 0) {
            json.writeNumberField("line", frame.line());
        } else {
            json.writeNullField("line");
        }
        json.writeEndObject();
        writeCommonFields(json, WellFormedText.of(frame.name()), phase, thread.pid(), thread.tid(), micros);
        json.writeEndObject();
    }

    private static void writeMetadata(JsonGenerator json, String kind, long pid, long tid, String name)
            throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("args");
        json.writeStringField("name", WellFormedText.of(name));
        json.writeEndObject();
        writeCommonFields(json, kind, "M", pid, tid, 0);
        json.writeEndObject();
    }

    private static void writeCommonFields(JsonGenerator json, String name, String phase, long pid, long tid,
                                          long micros) throws IOException {
        json.writeStringField("cat", CATEGORY);
        json.writeStringField("name", name);
        json.writeStringField("ph", phase);
        json.writeNumberField("pid", pid);
        json.writeNumberField("tid", tid);
        json.writeNumberField("ts", micros);
    }
}
