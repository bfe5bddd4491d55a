// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.pprof;

import com.google.protobuf.CodedInputStream;
import dev.pyspy4j.spi.output.ProfileInput;
import dev.pyspy4j.spi.output.RecordedProfile;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads pprof profiles: gzipped {@code profile.proto} files (what pprof tools write), or the bare message. Anything
 * that does not decode or resolve is malformed input (see {@link ProfileResolver}).
 */
public final class PprofInput implements ProfileInput {
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    @Override
    public String id() {
        return "pprof";
    }

    /** Higher than collapsed stacks', whose test (text) is looser. */
    @Override
    public int priority() {
        return 10;
    }

    @Override
    public boolean recognizes(byte[] head) {
        return isGzip(head);
    }

    private static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == GZIP_MAGIC_1 && (head[1] & 0xff) == GZIP_MAGIC_2;
    }

    /**
     * {@inheritDoc} A gzip or protobuf stream cannot tell a broken file from a failing read, so every
     * {@link IOException} becomes malformed input here; a caller that wants read failures reported as such makes
     * its stream throw them as {@link UncheckedIOException}, which passes through.
     */
    @Override
    public RecordedProfile read(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        byte[] head = buffered.readNBytes(2);
        buffered.reset();
        try {
            InputStream message = isGzip(head) ? new GZIPInputStream(buffered, 64 * 1024) : buffered;
            return ProfileResolver.resolve(ProfileDecoder.decode(CodedInputStream.newInstance(message)));
        } catch (UncheckedIOException e) {
            throw e;
        } catch (EOFException e) {
            throw ProfileResolver.malformed("it ends early (truncated?)");
        } catch (ZipException e) {
            throw ProfileResolver.malformed("its gzip data is broken (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw ProfileResolver.malformed(e.getMessage() == null ? "it does not decode" : e.getMessage());
        }
    }
}
