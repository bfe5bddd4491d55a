// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PushRequest read back by field numbers with protobuf's own reader. */
class PushRequestEncoderTest {
    @Test
    void oneSeriesCarriesTheLabelsInOrderAndOneSampleWithTheProfileAndItsId() throws IOException {
        List<LabelPair> labels = List.of(new LabelPair("__name__", "process_cpu"), new LabelPair("service_name", "démo"),
                new LabelPair("env", "test"));
        byte[] profile = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, (byte) 0xff};

        byte[] request = PushRequestEncoder.encode(labels, profile, "734FD599-6865-419E-9475-932762D8F469");

        List<byte[]> series = fields(request, 1);
        assertThat(series).hasSize(1);
        assertThat(fields(request, 2)).isEmpty();
        List<LabelPair> decoded = new ArrayList<>();
        for (byte[] pair : fields(series.get(0), 1)) {
            decoded.add(new LabelPair(string(fields(pair, 1)), string(fields(pair, 2))));
        }
        assertThat(decoded).isEqualTo(labels);
        List<byte[]> samples = fields(series.get(0), 2);
        assertThat(samples).hasSize(1);
        assertThat(fields(samples.get(0), 1)).singleElement().isEqualTo(profile);
        assertThat(string(fields(samples.get(0), 2))).isEqualTo("734FD599-6865-419E-9475-932762D8F469");
        assertThat(fields(series.get(0), 3)).as("no annotations").isEmpty();
    }

    @Test
    void anEmptyProfileIsStillASample() throws IOException {
        byte[] request = PushRequestEncoder.encode(List.of(new LabelPair("service_name", "a")), new byte[0], "id");

        byte[] sample = fields(fields(request, 1).get(0), 2).get(0);
        assertThat(fields(sample, 1)).singleElement().isEqualTo(new byte[0]);
    }

    private static String string(List<byte[]> values) {
        assertThat(values).hasSize(1);
        return new String(values.get(0), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every length-delimited value of field {@code number}; fails on any other wire type. */
    static List<byte[]> fields(byte[] message, int number) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(message);
        List<byte[]> values = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            assertThat(WireFormat.getTagWireType(tag)).isEqualTo(WireFormat.WIRETYPE_LENGTH_DELIMITED);
            byte[] value = in.readByteArray();
            if (WireFormat.getTagFieldNumber(tag) == number) {
                values.add(value);
            }
        }
        return values;
    }
}
