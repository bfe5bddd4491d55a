// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Sets {@code time_nanos} (field 9 of pprof's {@code Profile}) of a gzipped profile: when its window started, on the
 * wall clock. A server files a profile without one at the time it arrives, so a window pushed late (after retries)
 * would land in the wrong place. A protobuf message read from concatenated bytes holds the fields of both, so the
 * field is appended to the profile's bytes rather than the profile written anew.
 */
final class ProfileTimestamp {
    static final int PROFILE_TIME_NANOS = 9;

    private ProfileTimestamp() {
    }

    static byte[] stamp(byte[] gzippedProfile, long epochNanos) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(gzippedProfile.length + 16);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzippedProfile));
             GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            in.transferTo(gzip);
            CodedOutputStream coded = CodedOutputStream.newInstance(gzip);
            coded.writeInt64(PROFILE_TIME_NANOS, epochNanos);
            coded.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
