// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.speedscope;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pyspy4j.output.support.FrameIds;
import dev.pyspy4j.output.support.FrameKey;
import dev.pyspy4j.output.support.Interner;
import dev.pyspy4j.output.support.JsonOutput;
import dev.pyspy4j.output.support.WellFormedText;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.RecordingCounts;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes speedscope's file format (https://www.speedscope.app/file-format-schema.json) on one line, with py-spy's
 * layout: {@code $schema}, one {@code sampled} profile per thread sorted by name (unit seconds, frame indices root
 * first), the shared frames ({@code name}, the full {@code file}, {@code line}), {@code activeProfileIndex},
 * {@code exporter}, {@code name}. Where py-spy writes {@code null}, which the schema's {@code number} types
 * reject, this writer leaves the field out ({@code line} when line numbers are hidden or unknown, {@code col}) or
 * writes the value speedscope reads {@code null} as ({@code activeProfileIndex} 0); speedscope's own exporter
 * does the same. A recording's counts (rounds, samples, failed rounds by reason) follow, where py-spy writes none.
 */
final class SpeedscopeWriter {
    static final String SCHEMA = "https://www.speedscope.app/file-format-schema.json";
    /** The top-level key of the recording's counts. */
    static final String COUNTS_FIELD = "pyspy4jRecording";

    private final OutputSettings settings;
    private final Interner<FrameKey> frames;
    private final Interner<FrameIds> stacks;
    private final RecordingCounts counts;

    /** @param counts how complete the recording is, written as {@value #COUNTS_FIELD}; null to leave it out */
    SpeedscopeWriter(OutputSettings settings, Interner<FrameKey> frames, Interner<FrameIds> stacks,
                     RecordingCounts counts) {
        this.settings = settings;
        this.frames = frames;
        this.stacks = stacks;
        this.counts = counts;
    }

    /** Writes the file; flushes but does not close {@code out}. */
    void write(Collection<ThreadTimeline> threads, OutputStream out) throws IOException {
        List<ThreadTimeline> sorted = new ArrayList<>(threads);
        sorted.sort(Comparator.comparing(ThreadTimeline::name));
        try (JsonGenerator json = JsonOutput.generator(out)) {
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA);
            json.writeArrayFieldStart("profiles");
            for (ThreadTimeline thread : sorted) {
                writeProfile(json, thread);
            }
            json.writeEndArray();
            writeSharedFrames(json);
            json.writeNumberField("activeProfileIndex", 0);
            json.writeStringField("exporter", WellFormedText.of(settings.producer()));
            json.writeStringField("name", WellFormedText.of(settings.title()));
            if (counts != null) {
                writeCounts(json);
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    /**
     * The recording's rounds, samples and failed rounds by reason, under a key of pyspy4j's own: the schema allows
     * more keys than it names, and speedscope ignores those it does not know.
     */
    private void writeCounts(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart(COUNTS_FIELD);
        json.writeNumberField("rounds", counts.rounds());
        json.writeNumberField("samples", counts.samples());
        json.writeNumberField("errors", counts.errors());
        json.writeObjectFieldStart("errorsByReason");
        for (Map.Entry<String, Long> reason : counts.errorsByReason().entrySet()) {
            json.writeNumberField(WellFormedText.of(reason.getKey()), reason.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeProfile(JsonGenerator json, ThreadTimeline thread) throws IOException {
        int rate = settings.sampleRate();
        double sum = 0;
        for (int i = 0; i < thread.entries(); i++) {
            sum += thread.seconds(i, rate);
        }
        // To the nanosecond, which drops the noise of adding binary fractions (0.21, not 0.21000000000000002).
        double end = Math.round(sum * 1e9) / 1e9;
        json.writeStartObject();
        json.writeStringField("type", "sampled");
        json.writeStringField("name", WellFormedText.of(thread.name()));
        json.writeStringField("unit", "seconds");
        json.writeNumberField("startValue", 0);
        json.writeNumberField("endValue", end);
        json.writeArrayFieldStart("samples");
        for (int i = 0; i < thread.entries(); i++) {
            writeStack(json, thread.stack(i));
        }
        json.writeEndArray();
        json.writeArrayFieldStart("weights");
        for (int i = 0; i < thread.entries(); i++) {
            json.writeNumber(thread.seconds(i, rate));
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void writeStack(JsonGenerator json, int stackId) throws IOException {
        json.writeStartArray();
        if (stackId != ThreadTimeline.IDLE) {
            FrameIds stack = stacks.get(stackId);
            for (int i = 0; i < stack.length(); i++) {
                json.writeNumber(stack.get(i));
            }
        }
        json.writeEndArray();
    }

    private void writeSharedFrames(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("shared");
        json.writeArrayFieldStart("frames");
        for (int i = 0; i < frames.size(); i++) {
            FrameKey frame = frames.get(i);
            json.writeStartObject();
            json.writeStringField("name", WellFormedText.of(frame.name()));
            json.writeStringField("file", WellFormedText.of(frame.filename()));
            if (frame.line() != 0) {
                json.writeNumberField("line", frame.line());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
