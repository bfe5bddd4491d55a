// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.pprof;

import static dev.pyspy4j.output.pprof.ProfileFields.*;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code profile.proto} message field by field with protobuf's {@link CodedInputStream} into a
 * {@link DecodedProfile}, skipping the fields pyspy4j has no use for (mappings, addresses' details, labels'
 * units). A field of the wrong wire type is an error, as in protobuf's own parsers.
 */
final class ProfileDecoder {
    private final CodedInputStream in;
    private final DecodedProfile profile = new DecodedProfile();

    private ProfileDecoder(CodedInputStream in) {
        this.in = in;
    }

    /** Decodes a whole message. */
    static DecodedProfile decode(CodedInputStream in) throws IOException {
        ProfileDecoder decoder = new ProfileDecoder(in);
        decoder.readProfile();
        return decoder.profile;
    }

    private void readProfile() throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case PROFILE_SAMPLE_TYPE -> profile.sampleTypes.add(message(tag, this::readValueType));
                case PROFILE_SAMPLE -> profile.samples.add(message(tag, this::readSample));
                case PROFILE_LOCATION -> message(tag, this::readLocation);
                case PROFILE_FUNCTION -> message(tag, this::readFunction);
                case PROFILE_STRING_TABLE -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    profile.strings.add(in.readString());
                }
                case PROFILE_PERIOD_TYPE -> profile.periodType = message(tag, this::readValueType);
                case PROFILE_PERIOD -> profile.period = varint(tag);
                case PROFILE_COMMENT -> readInts(tag, profile.comments);
                case PROFILE_DEFAULT_SAMPLE_TYPE -> profile.defaultSampleType = varint(tag);
                default -> skip(tag);
            }
        }
    }

    private long[] readValueType() throws IOException {
        long[] valueType = new long[2];
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case VALUE_TYPE_TYPE -> valueType[0] = varint(tag);
                case VALUE_TYPE_UNIT -> valueType[1] = varint(tag);
                default -> skip(tag);
            }
        }
        return valueType;
    }

    private DecodedProfile.Sample readSample() throws IOException {
        List<Long> locations = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        List<long[]> labels = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case SAMPLE_LOCATION_ID -> readInts(tag, locations);
                case SAMPLE_VALUE -> readInts(tag, values);
                case SAMPLE_LABEL -> labels.add(message(tag, this::readLabel));
                default -> skip(tag);
            }
        }
        return new DecodedProfile.Sample(toArray(locations), toArray(values), labels);
    }

    private long[] readLabel() throws IOException {
        long[] label = new long[3];
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case LABEL_KEY -> label[0] = varint(tag);
                case LABEL_STR -> label[1] = varint(tag);
                case LABEL_NUM -> label[2] = varint(tag);
                default -> skip(tag);
            }
        }
        return label;
    }

    private Void readLocation() throws IOException {
        long id = 0;
        long address = 0;
        List<long[]> lines = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case LOCATION_ID -> id = varint(tag);
                case LOCATION_ADDRESS -> address = varint(tag);
                case LOCATION_LINE -> lines.add(message(tag, this::readLine));
                default -> skip(tag);
            }
        }
        profile.locations.put(id, lines.toArray(new long[0][]));
        profile.locationAddresses.put(id, address);
        return null;
    }

    private long[] readLine() throws IOException {
        long[] line = new long[2];
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case LINE_FUNCTION_ID -> line[0] = varint(tag);
                case LINE_LINE -> line[1] = varint(tag);
                default -> skip(tag);
            }
        }
        return line;
    }

    private Void readFunction() throws IOException {
        long[] function = new long[3];
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case FUNCTION_ID -> function[0] = varint(tag);
                case FUNCTION_NAME -> function[1] = varint(tag);
                case FUNCTION_FILENAME -> function[2] = varint(tag);
                default -> skip(tag);
            }
        }
        profile.functions.put(function[0], function);
        return null;
    }

    /** A repeated integer field, packed (as proto3 writes it) or one value per tag (as proto2 did). */
    private void readInts(int tag, List<Long> into) throws IOException {
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int limit = in.pushLimit(in.readRawVarint32());
            while (in.getBytesUntilLimit() > 0) {
                into.add(in.readRawVarint64());
            }
            in.popLimit(limit);
        } else {
            into.add(varint(tag));
        }
    }

    /**
     * Skips a field pyspy4j does not use. profile.proto has no groups, and skipping nested groups recurses without
     * bound, so a group is an error here.
     */
    private void skip(int tag) throws IOException {
        int wireType = WireFormat.getTagWireType(tag);
        if (wireType == WireFormat.WIRETYPE_START_GROUP || wireType == WireFormat.WIRETYPE_END_GROUP) {
            throw new InvalidProtocolBufferException("field " + WireFormat.getTagFieldNumber(tag)
                    + " is a group, which profile.proto never has");
        }
        in.skipField(tag);
    }

    private long varint(int tag) throws IOException {
        expect(tag, WireFormat.WIRETYPE_VARINT);
        return in.readRawVarint64();
    }

    private void expect(int tag, int wireType) throws InvalidProtocolBufferException {
        if (WireFormat.getTagWireType(tag) != wireType) {
            throw new InvalidProtocolBufferException("field " + WireFormat.getTagFieldNumber(tag)
                    + " has wire type " + WireFormat.getTagWireType(tag) + ", expected " + wireType);
        }
    }

    private <T> T message(int tag, Body<T> body) throws IOException {
        expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        int length = in.readRawVarint32();
        if (length < 0) {
            throw new InvalidProtocolBufferException("a message has a negative length");
        }
        int limit = in.pushLimit(length);
        T value = body.read();
        in.checkLastTagWas(0);
        in.popLimit(limit);
        return value;
    }

    private static long[] toArray(List<Long> values) {
        long[] array = new long[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    @FunctionalInterface
    private interface Body<T> {
        T read() throws IOException;
    }
}
