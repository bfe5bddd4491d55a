// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Encodes a {@code push.v1.PushRequest} of Pyroscope's {@code api/push/v1/push.proto} field by field with
 * protobuf's {@link CodedOutputStream}, as the pprof writer does, so no generated classes are needed:
 *
 * <pre>
 * PushRequest      { repeated RawProfileSeries series = 1; }
 * RawProfileSeries { repeated types.v1.LabelPair labels = 1; repeated RawSample samples = 2; }
 * LabelPair        { string name = 1; string value = 2; }
 * RawSample        { bytes raw_profile = 1; string ID = 2; }
 * </pre>
 */
public final class PushRequestEncoder {
    static final int PUSH_REQUEST_SERIES = 1;
    static final int SERIES_LABELS = 1;
    static final int SERIES_SAMPLES = 2;
    static final int LABEL_NAME = 1;
    static final int LABEL_VALUE = 2;
    static final int SAMPLE_RAW_PROFILE = 1;
    static final int SAMPLE_ID = 2;

    private PushRequestEncoder() {
    }

    /**
     * One series holding one profile.
     *
     * @param labels     the series' labels
     * @param rawProfile a gzipped pprof {@code profile.proto}
     * @param id         the profile's UUID
     */
    public static byte[] encode(List<LabelPair> labels, byte[] rawProfile, String id) {
        return message(out -> out.writeByteArray(PUSH_REQUEST_SERIES, series(labels, rawProfile, id)));
    }

    private static byte[] series(List<LabelPair> labels, byte[] rawProfile, String id) {
        return message(out -> {
            for (LabelPair label : labels) {
                out.writeByteArray(SERIES_LABELS, message(pair -> {
                    pair.writeString(LABEL_NAME, label.name());
                    pair.writeString(LABEL_VALUE, label.value());
                }));
            }
            out.writeByteArray(SERIES_SAMPLES, message(sample -> {
                sample.writeByteArray(SAMPLE_RAW_PROFILE, rawProfile);
                sample.writeString(SAMPLE_ID, id);
            }));
        });
    }

    private static byte[] message(Fields fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            fields.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes the fields of one message. */
    private interface Fields {
        void writeTo(CodedOutputStream out) throws IOException;
    }
}
