// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.gecko;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pyspy4j.output.gecko.GeckoThread.FrameEntry;
import dev.pyspy4j.output.gecko.GeckoThread.Func;
import dev.pyspy4j.output.gecko.GeckoThread.StackNode;
import dev.pyspy4j.output.support.JsonOutput;
import dev.pyspy4j.output.support.WellFormedText;
import dev.pyspy4j.spi.output.OutputSettings;
import dev.pyspy4j.spi.output.RecordingCounts;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes the Firefox Profiler's processed profile format at version 48 ({@code meta.preprocessedProfileVersion}),
 * with {@code meta.version} 27: the version other profilers outside Firefox write (Lean's, VMProf's exporter,
 * Vernier's 47), which the profiler upgrades step by step to its current one on load. In it every thread carries
 * its own tables, each a set of columns of equal length: {@code stringArray}; {@code funcTable} (a function's name
 * and {@code fileName}); {@code frameTable} (a function at a {@code line}, in a category); {@code stackTable} (a
 * frame and the {@code prefix} stack it was called from, {@code null} at the root); and {@code samples} (a stack
 * and a {@code time} in milliseconds since {@code meta.startTime}). Columns the format requires but a Python
 * profile has no values for (native addresses, JavaScript flags, browser windows) hold their "none" values; the
 * marker, resource and native-symbol tables are written empty. A recording without samples gets one empty track,
 * as the profiler refuses a profile without threads. One line, streamed: nothing is built in memory.
 */
final class GeckoWriter {
    static final int PROCESSED_VERSION = 48;
    static final int GECKO_VERSION = 27;

    private final OutputSettings settings;
    private final long startEpochMillis;
    private final RecordingCounts counts;

    /** @param counts how complete the recording is, shown in the profile's information panel; null for none */
    GeckoWriter(OutputSettings settings, long startEpochMillis, RecordingCounts counts) {
        this.settings = settings;
        this.startEpochMillis = startEpochMillis;
        this.counts = counts;
    }

    /** Writes the file; flushes but does not close {@code out}. */
    void write(Collection<GeckoThread> threads, OutputStream out) throws IOException {
        try (JsonGenerator json = JsonOutput.generator(out)) {
            json.writeStartObject();
            writeMeta(json, threads);
            json.writeArrayFieldStart("libs");
            json.writeEndArray();
            json.writeArrayFieldStart("pages");
            json.writeEndArray();
            json.writeArrayFieldStart("threads");
            for (GeckoThread thread : threads.isEmpty() ? List.of(GeckoThread.withoutSamples()) : threads) {
                writeThread(json, thread);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private void writeMeta(JsonGenerator json, Collection<GeckoThread> threads) throws IOException {
        double interval = 1000.0 / settings.sampleRate();
        json.writeObjectFieldStart("meta");
        json.writeNumberField("interval", interval);
        json.writeNumberField("startTime", startEpochMillis);
        // The range the profiler shows: from the start of the recording, which the first sample may come well after,
        // to the end of the last sample; without samples, one interval, as an empty range breaks its views.
        json.writeNumberField("profilingStartTime", 0);
        json.writeNumberField("profilingEndTime", lastSampleMillis(threads) + interval);
        json.writeNumberField("processType", 0);
        json.writeStringField("product", WellFormedText.of(settings.title()));
        json.writeStringField("importedFrom", WellFormedText.of(settings.producer()));
        json.writeNumberField("stackwalk", 0);
        json.writeBooleanField("debug", false);
        json.writeNumberField("version", GECKO_VERSION);
        json.writeNumberField("preprocessedProfileVersion", PROCESSED_VERSION);
        json.writeBooleanField("symbolicated", true);
        json.writeArrayFieldStart("categories");
        for (GeckoCategory category : GeckoCategory.values()) {
            json.writeStartObject();
            json.writeStringField("name", category.displayName());
            json.writeStringField("color", category.color());
            json.writeArrayFieldStart("subcategories");
            json.writeString("Other");
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("markerSchema");
        json.writeEndArray();
        if (counts != null) {
            writeCounts(json);
        }
        json.writeEndObject();
    }

    /** The recording's counts as a section of the profile's extra information, which the profiler lists as is. */
    private void writeCounts(JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("extra");
        json.writeStartObject();
        json.writeStringField("label", "Sampling");
        json.writeArrayFieldStart("entries");
        writeCount(json, "Rounds", counts.rounds());
        writeCount(json, "Samples", counts.samples());
        writeCount(json, "Errors", counts.errors());
        for (Map.Entry<String, Long> reason : counts.errorsByReason().entrySet()) {
            writeCount(json, "Errors: " + WellFormedText.of(reason.getKey()), reason.getValue());
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void writeCount(JsonGenerator json, String label, long value) throws IOException {
        json.writeStartObject();
        json.writeStringField("label", label);
        json.writeStringField("format", "integer");
        json.writeNumberField("value", value);
        json.writeEndObject();
    }

    private static double lastSampleMillis(Collection<GeckoThread> threads) {
        long last = 0;
        for (GeckoThread thread : threads) {
            if (thread.samples() > 0) {
                last = Math.max(last, thread.sampleNanos(thread.samples() - 1));
            }
        }
        return last / 1e6;
    }

        private void writeThread(JsonGenerator json, GeckoThread thread) throws IOException {
        json.writeStartObject();
        json.writeStringField("processType", "default");
        json.writeNumberField("processStartupTime", 0);
        json.writeNullField("processShutdownTime");
        json.writeNumberField("registerTime", 0);
        json.writeNullField("unregisterTime");
        json.writeArrayFieldStart("pausedRanges");
        json.writeEndArray();
        json.writeStringField("name", WellFormedText.of(thread.name()));
        json.writeBooleanField("isMainThread", thread.isMainThread());
        json.writeStringField("processName", WellFormedText.of(thread.processName()));
        json.writeStringField("pid", Long.toString(thread.pid()));
        writeTid(json, thread.tid());
        writeSamples(json, thread);
        writeEmptyTable(json, "markers", "data", "name", "startTime", "endTime", "phase", "category");
        writeStackTable(json, thread);
        writeFrameTable(json, thread);
        writeStrings(json, thread);
        writeFuncTable(json, thread);
        writeEmptyTable(json, "resourceTable", "lib", "name", "host", "type");
        writeEmptyTable(json, "nativeSymbols", "libIndex", "address", "name", "functionSize");
        json.writeEndObject();
    }

    /** A numeric OS thread id as a number, as Firefox writes it; a {@code pthread_t} in hex as a string. */
    private static void writeTid(JsonGenerator json, String tid) throws IOException {
        if (tid.startsWith("0x")) {
            json.writeStringField("tid", tid);
        } else {
            json.writeNumberField("tid", Long.parseLong(tid));
        }
    }

    private static void writeSamples(JsonGenerator json, GeckoThread thread) throws IOException {
        int length = thread.samples();
        json.writeObjectFieldStart("samples");
        json.writeArrayFieldStart("stack");
        for (int i = 0; i < length; i++) {
            writeIndexOrNull(json, thread.sampleStack(i));
        }
        json.writeEndArray();
        json.writeArrayFieldStart("time");
        for (int i = 0; i < length; i++) {
            json.writeNumber(thread.sampleNanos(i) / 1e6);
        }
        json.writeEndArray();
        if (thread.weighted()) {
            json.writeArrayFieldStart("weight");
            for (int i = 0; i < length; i++) {
                json.writeNumber(thread.sampleWeight(i));
            }
            json.writeEndArray();
        } else {
            // No weights means every sample weighs one.
            json.writeNullField("weight");
        }
        json.writeStringField("weightType", "samples");
        json.writeNumberField("length", length);
        json.writeEndObject();
    }

    private static void writeStackTable(JsonGenerator json, GeckoThread thread) throws IOException {
        int length = thread.stacks().size();
        json.writeObjectFieldStart("stackTable");
        json.writeArrayFieldStart("frame");
        for (int i = 0; i < length; i++) {
            json.writeNumber(thread.stacks().get(i).frame());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("prefix");
        for (int i = 0; i < length; i++) {
            writeIndexOrNull(json, thread.stacks().get(i).prefix());
        }
        json.writeEndArray();
        // This version still keeps each stack's category beside its frame's; the upgrade to 53 drops it.
        json.writeArrayFieldStart("category");
        for (int i = 0; i < length; i++) {
            StackNode stack = thread.stacks().get(i);
            json.writeNumber(thread.frames().get(stack.frame()).category().ordinal());
        }
        json.writeEndArray();
        writeZeros(json, "subcategory", length);
        json.writeNumberField("length", length);
        json.writeEndObject();
    }

    private static void writeFrameTable(JsonGenerator json, GeckoThread thread) throws IOException {
        int length = thread.frames().size();
        json.writeObjectFieldStart("frameTable");
        writeRepeated(json, "address", length, -1);
        writeZeros(json, "inlineDepth", length);
        json.writeArrayFieldStart("category");
        for (int i = 0; i < length; i++) {
            json.writeNumber(thread.frames().get(i).category().ordinal());
        }
        json.writeEndArray();
        writeZeros(json, "subcategory", length);
        json.writeArrayFieldStart("func");
        for (int i = 0; i < length; i++) {
            json.writeNumber(thread.frames().get(i).func());
        }
        json.writeEndArray();
        writeNulls(json, "nativeSymbol", length);
        writeZeros(json, "innerWindowID", length);
        writeNulls(json, "implementation", length);
        json.writeArrayFieldStart("line");
        for (int i = 0; i < length; i++) {
            FrameEntry frame = thread.frames().get(i);
            writeIndexOrNull(json, frame.line() > 0 ? frame.line() : -1);
        }
        json.writeEndArray();
        writeNulls(json, "column", length);
        json.writeNumberField("length", length);
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, GeckoThread thread) throws IOException {
        json.writeArrayFieldStart("stringArray");
        for (int i = 0; i < thread.strings().size(); i++) {
            json.writeString(WellFormedText.of(thread.strings().get(i)));
        }
        json.writeEndArray();
    }

    private static void writeFuncTable(JsonGenerator json, GeckoThread thread) throws IOException {
        int length = thread.funcs().size();
        json.writeObjectFieldStart("funcTable");
        json.writeArrayFieldStart("name");
        for (int i = 0; i < length; i++) {
            json.writeNumber(thread.funcs().get(i).name());
        }
        json.writeEndArray();
        writeRepeated(json, "isJS", length, false);
        writeRepeated(json, "relevantForJS", length, false);
        writeRepeated(json, "resource", length, -1);
        json.writeArrayFieldStart("fileName");
        for (int i = 0; i < length; i++) {
            Func func = thread.funcs().get(i);
            // Pseudo-frames (a thread's or a process's name) have no file.
            writeIndexOrNull(json, thread.strings().get(func.file()).isEmpty() ? -1 : func.file());
        }
        json.writeEndArray();
        // The line a function starts at is not known: samples know the line they were at, kept per frame.
        writeNulls(json, "lineNumber", length);
        writeNulls(json, "columnNumber", length);
        json.writeNumberField("length", length);
        json.writeEndObject();
    }

    private static void writeEmptyTable(JsonGenerator json, String name, String... columns) throws IOException {
        json.writeObjectFieldStart(name);
        for (String column : columns) {
            json.writeArrayFieldStart(column);
            json.writeEndArray();
        }
        json.writeNumberField("length", 0);
        json.writeEndObject();
    }

    private static void writeIndexOrNull(JsonGenerator json, int index) throws IOException {
        if (index < 0) {
            json.writeNull();
        } else {
            json.writeNumber(index);
        }
    }

    private static void writeZeros(JsonGenerator json, String column, int length) throws IOException {
        writeRepeated(json, column, length, 0);
    }

    private static void writeRepeated(JsonGenerator json, String column, int length, int value) throws IOException {
        json.writeArrayFieldStart(column);
        for (int i = 0; i < length; i++) {
            json.writeNumber(value);
        }
        json.writeEndArray();
    }

    private static void writeRepeated(JsonGenerator json, String column, int length, boolean value)
            throws IOException {
        json.writeArrayFieldStart(column);
        for (int i = 0; i < length; i++) {
            json.writeBoolean(value);
        }
        json.writeEndArray();
    }

    private static void writeNulls(JsonGenerator json, String column, int length) throws IOException {
        json.writeArrayFieldStart(column);
        for (int i = 0; i < length; i++) {
            json.writeNull();
        }
        json.writeEndArray();
    }
}
