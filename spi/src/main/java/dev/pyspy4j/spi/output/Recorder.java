// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.output;

import dev.pyspy4j.spi.model.StackTrace;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Collects the stacks of one recording and writes them once at the end. Used by one thread: the sampler calls
 * {@link #record} for every kept stack, then {@link #counts} and {@link #writeTo} exactly once. Implementations aggregate as they go
 * (a flame graph needs counts, not every sample) and stream their output rather than building it in memory.
 */
public interface Recorder {
    /**
     * Adds one stack. Frames are leaf first; the sampler has already applied filters, shortened file names
     * ({@code Frame.shortFilename}) and appended pseudo-frames such as {@code thread (tid): name} at the root end.
     *
     * @param elapsedNanos time since the recording started, for formats with a timeline
     */
    void record(StackTrace trace, long elapsedNanos);

    /**
     * Adds {@code count} samples of one stack at once, as {@code pyspy4j convert} replays an aggregated profile.
     * The default records them one by one; formats that only count samples add the count in one step.
     */
    default void record(StackTrace trace, long elapsedNanos, long count) {
        for (long i = 0; i < count; i++) {
            record(trace, elapsedNanos);
        }
    }

    /**
     * Told once, before {@link #writeTo}, how complete the recording is, for formats whose files can carry it; a
     * recording replayed from another file ({@code pyspy4j convert}) is not told. The default ignores it.
     */
    default void counts(RecordingCounts counts) {
    }

    /** Writes everything recorded; the caller closes the stream. */
    void writeTo(OutputStream out) throws IOException;

    /** How the written file is announced, e.g. {@code Wrote flamegraph data to 'out.svg'}. */
    String announce(String path);

    /** A hint printed after the announcement, e.g. where to open the file; empty for none. */
    default String hint() {
        return "";
    }
}
