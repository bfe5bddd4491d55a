// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** time_nanos appended to a gzipped profile: the profile's own fields stay, field 9 holds the time. */
class ProfileTimestampTest {
    @Test
    void theTimeIsAddedAfterTheProfilesFields() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(plain);
        out.writeString(6, "");
        out.writeString(6, "samples");
        out.writeInt64(10, 2_000_000_000L);
        out.flush();
        long time = 1_765_000_000_123_456_789L;

        byte[] stamped = gunzip(ProfileTimestamp.stamp(gzip(plain.toByteArray()), time));

        assertThat(Arrays.copyOf(stamped, plain.size())).isEqualTo(plain.toByteArray());
        CodedInputStream in = CodedInputStream.newInstance(stamped, plain.size(), stamped.length - plain.size());
        int tag = in.readTag();
        assertThat(WireFormat.getTagFieldNumber(tag)).isEqualTo(9);
        assertThat(WireFormat.getTagWireType(tag)).isEqualTo(WireFormat.WIRETYPE_VARINT);
        assertThat(in.readInt64()).isEqualTo(time);
        assertThat(in.isAtEnd()).isTrue();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
