// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.pprof;

import static dev.pyspy4j.output.pprof.ProfileFields.*;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.pyspy4j.output.support.FrameIds;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an {@link AggregatedProfile} as a gzipped {@code profile.proto} message, field by field with protobuf's
 * {@link CodedOutputStream}, so that the file streams out and no message object of the whole profile is built.
 * Fields of a protobuf message may come in any order; the strings come last, once every index is known.
 *
 * <p>Each sample has two values: {@code samples/count}, the number of samples, and {@code cpu/nanoseconds} (or
 * {@code wall/nanoseconds} when idle samples were kept), the samples times the period; the second is the default,
 * so pprof shows time, while the count survives exactly for {@code pyspy4j convert}.
 */
final class ProfileWriter {
    /**
     * The one mapping every location belongs to. pprof takes the first mapping for the program's binary and warns
     * when a profile has none; it is marked as having functions, files and lines, so pprof never tries to
     * symbolize it from a binary of that name.
     */
    private static final String MAPPING_NAME = "python";
    private static final long MAPPING = 1;

    private final AggregatedProfile profile;
    private final long periodNanos;
    private final long durationNanos;
    private final long sampleType;
    private final long countType;
    private final long countUnit;
    private final long nanoseconds;
    private final long mappingName;
    private final List<Long> comments;

    /**
     * @param timeType "cpu", or "wall" when idle samples were kept
     * @param comments free text shown by {@code go tool pprof -comments}: the command line, the producer and, for
     *                 a recording, how complete it is
     */
    ProfileWriter(AggregatedProfile profile, long periodNanos, long durationNanos, String timeType,
                  List<String> comments) {
        this.profile = profile;
        this.periodNanos = periodNanos;
        this.durationNanos = durationNanos;
        this.countType = profile.strings.index("samples");
        this.countUnit = profile.strings.index("count");
        this.sampleType = profile.strings.index(timeType);
        this.nanoseconds = profile.strings.index("nanoseconds");
        this.mappingName = profile.strings.index(MAPPING_NAME);
        this.comments = comments.stream().map(profile.strings::index).toList();
    }

    /** Writes the gzipped profile; finishes the compression but does not close {@code out}. */
    void write(OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024);
        CodedOutputStream coded = CodedOutputStream.newInstance(gzip, 64 * 1024);
        writeValueType(coded, PROFILE_SAMPLE_TYPE, countType, countUnit);
        writeValueType(coded, PROFILE_SAMPLE_TYPE, sampleType, nanoseconds);
        writeMapping(coded);
        for (int stack = 0; stack < profile.stacks.size(); stack++) {
            writeSample(coded, profile.stacks.get(stack), profile.counts.get(stack));
        }
        for (int location = 0; location < profile.locations.size(); location++) {
            writeLocation(coded, location, profile.locations.get(location));
        }
        for (int function = 0; function < profile.functions.size(); function++) {
            writeFunction(coded, function, profile.functions.get(function));
        }
        for (int i = 0; i < profile.strings.size(); i++) {
            coded.writeString(PROFILE_STRING_TABLE, profile.strings.get(i));
        }
        coded.writeInt64(PROFILE_DURATION_NANOS, durationNanos);
        writeValueType(coded, PROFILE_PERIOD_TYPE, sampleType, nanoseconds);
        coded.writeInt64(PROFILE_PERIOD, periodNanos);
        for (long comment : comments) {
            coded.writeInt64(PROFILE_COMMENT, comment);
        }
        coded.writeInt64(PROFILE_DEFAULT_SAMPLE_TYPE, sampleType);
        coded.flush();
        gzip.finish();
    }

    private static void writeValueType(CodedOutputStream coded, int field, long type, long unit) throws IOException {
        coded.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        coded.writeUInt32NoTag(CodedOutputStream.computeInt64Size(VALUE_TYPE_TYPE, type)
                + CodedOutputStream.computeInt64Size(VALUE_TYPE_UNIT, unit));
        coded.writeInt64(VALUE_TYPE_TYPE, type);
        coded.writeInt64(VALUE_TYPE_UNIT, unit);
    }

    private void writeSample(CodedOutputStream coded, FrameIds stack, long count) throws IOException {
        int frames = stack.length() - 1;
        SampleThread thread = profile.threads.get(stack.get(frames));
        int locationBytes = 0;
        for (int i = 0; i < frames; i++) {
            locationBytes += CodedOutputStream.computeUInt64SizeNoTag(stack.get(i) + 1L);
        }
        long time = saturatedProduct(count, periodNanos);
        int valueBytes = CodedOutputStream.computeInt64SizeNoTag(count) + CodedOutputStream.computeInt64SizeNoTag(time);
        int size = packedSize(SAMPLE_LOCATION_ID, locationBytes) + packedSize(SAMPLE_VALUE, valueBytes);
        if (thread.hasId()) {
            size += labelSize(profile.threadIdKey(), LABEL_STR, thread.threadId());
        }
        if (thread.hasName()) {
            size += labelSize(profile.threadNameKey(), LABEL_STR, thread.threadName());
        }
        if (thread.hasPid()) {
            size += labelSize(profile.pidKey(), LABEL_NUM, thread.pid());
        }
        coded.writeTag(PROFILE_SAMPLE, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        coded.writeUInt32NoTag(size);
        if (frames > 0) {
            coded.writeTag(SAMPLE_LOCATION_ID, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            coded.writeUInt32NoTag(locationBytes);
            for (int i = 0; i < frames; i++) {
                coded.writeUInt64NoTag(stack.get(i) + 1L);
            }
        }
        coded.writeTag(SAMPLE_VALUE, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        coded.writeUInt32NoTag(valueBytes);
        coded.writeInt64NoTag(count);
        coded.writeInt64NoTag(time);
        if (thread.hasId()) {
            writeLabel(coded, profile.threadIdKey(), LABEL_STR, thread.threadId());
        }
        if (thread.hasName()) {
            writeLabel(coded, profile.threadNameKey(), LABEL_STR, thread.threadName());
        }
        if (thread.hasPid()) {
            writeLabel(coded, profile.pidKey(), LABEL_NUM, thread.pid());
        }
    }

    private static int packedSize(int field, int bytes) {
        return bytes == 0 ? 0 : CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(bytes)
                + bytes;
    }

    private static int labelBodySize(long key, int valueField, long value) {
        return CodedOutputStream.computeInt64Size(LABEL_KEY, key) + CodedOutputStream.computeInt64Size(valueField, value);
    }

    private static int labelSize(long key, int valueField, long value) {
        int body = labelBodySize(key, valueField, value);
        return CodedOutputStream.computeTagSize(SAMPLE_LABEL) + CodedOutputStream.computeUInt32SizeNoTag(body) + body;
    }

    private static void writeLabel(CodedOutputStream coded, long key, int valueField, long value) throws IOException {
        coded.writeTag(SAMPLE_LABEL, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        coded.writeUInt32NoTag(labelBodySize(key, valueField, value));
        coded.writeInt64(LABEL_KEY, key);
        coded.writeInt64(valueField, value);
    }

    private void writeMapping(CodedOutputStream coded) throws IOException {
        int size = CodedOutputStream.computeUInt64Size(MAPPING_ID, MAPPING)
                + CodedOutputStream.computeInt64Size(MAPPING_FILENAME, mappingName)
                + CodedOutputStream.computeBoolSize(MAPPING_HAS_FUNCTIONS, true)
                + CodedOutputStream.computeBoolSize(MAPPING_HAS_FILENAMES, true)
                + CodedOutputStream.computeBoolSize(MAPPING_HAS_LINE_NUMBERS, true);
        coded.writeTag(PROFILE_MAPPING, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        coded.writeUInt32NoTag(size);
        coded.writeUInt64(MAPPING_ID, MAPPING);
        coded.writeInt64(MAPPING_FILENAME, mappingName);
        coded.writeBool(MAPPING_HAS_FUNCTIONS, true);
        coded.writeBool(MAPPING_HAS_FILENAMES, true);
        coded.writeBool(MAPPING_HAS_LINE_NUMBERS, true);
    }

    private void writeLocation(CodedOutputStream coded, int index, AggregatedProfile.LocationKey location)
            throws IOException {
        long id = index + 1L;
        int line = CodedOutputStream.computeUInt64Size(LINE_FUNCTION_ID, location.function() + 1L)
                + CodedOutputStream.computeInt64Size(LINE_LINE, location.line());
        int size = CodedOutputStream.computeUInt64Size(LOCATION_ID, id)
                + CodedOutputStream.computeUInt64Size(LOCATION_MAPPING_ID, MAPPING)
                + CodedOutputStream.computeTagSize(LOCATION_LINE) + CodedOutputStream.computeUInt32SizeNoTag(line) + line;
        coded.writeTag(PROFILE_LOCATION, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        coded.writeUInt32NoTag(size);
        coded.writeUInt64(LOCATION_ID, id);
        coded.writeUInt64(LOCATION_MAPPING_ID, MAPPING);
        coded.writeTag(LOCATION_LINE, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        coded.writeUInt32NoTag(line);
        coded.writeUInt64(LINE_FUNCTION_ID, location.function() + 1L);
        coded.writeInt64(LINE_LINE, location.line());
    }

    private static void writeFunction(CodedOutputStream coded, int index, AggregatedProfile.FunctionKey function)
            throws IOException {
        long id = index + 1L;
        // start_line stays 0: samples carry the line they were at, not the line the function starts at.
        int size = CodedOutputStream.computeUInt64Size(FUNCTION_ID, id)
                + CodedOutputStream.computeInt64Size(FUNCTION_NAME, function.name())
                + CodedOutputStream.computeInt64Size(FUNCTION_FILENAME, function.filename());
        coded.writeTag(PROFILE_FUNCTION, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        coded.writeUInt32NoTag(size);
        coded.writeUInt64(FUNCTION_ID, id);
        coded.writeInt64(FUNCTION_NAME, function.name());
        coded.writeInt64(FUNCTION_FILENAME, function.filename());
    }

    private static long saturatedProduct(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
    }
}
