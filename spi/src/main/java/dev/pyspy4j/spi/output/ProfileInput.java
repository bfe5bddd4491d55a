// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.output;

import dev.pyspy4j.spi.Provider;
import java.io.IOException;
import java.io.InputStream;

/**
 * A profile file format {@code pyspy4j convert} can read back ({@code raw}, {@code pprof}, or a third-party one
 * registered in {@code META-INF/services}), so that one recording can be written again in any {@link OutputFormat}.
 * Its id is the {@link OutputFormat} id of the same format. Stateless.
 */
public interface ProfileInput extends Provider {
    /** Whether a file starting with {@code head} (up to its first 64 bytes; fewer if the file is shorter) is one. */
    boolean recognizes(byte[] head);

    /**
     * Reads a whole profile. The input is untrusted: anything that is not a valid profile of this format ends in a
     * {@code SpyException} of kind {@code MALFORMED_INPUT} whose message says what is wrong, never another exception.
     *
     * @throws IOException when reading the stream fails
     */
    RecordedProfile read(InputStream in) throws IOException;
}
