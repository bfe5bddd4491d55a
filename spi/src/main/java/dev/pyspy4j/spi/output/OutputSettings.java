// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.output;

import java.util.Objects;

/**
 * What a recording is about, for formats that show it.
 *
 * @param title        the command line that made the recording (the flame graph's title)
 * @param sampleRate   samples per second asked for, which converts sample counts to seconds
 * @param lineNumbers  whether frames carry line numbers (off with {@code --nolineno}): formats that show them
 *                     leave them out rather than print 0
 * @param producer     the tool and its version, e.g. {@code pyspy4j 0.2.0}, for formats that record it
 * @param includesIdle whether idle samples were kept ({@code --idle}), so that samples measure wall-clock time
 *                     rather than CPU time
 */
public record OutputSettings(String title, int sampleRate, boolean lineNumbers, String producer,
                             boolean includesIdle) {
    public OutputSettings {
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(producer, "producer is null");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
    }

    /** Settings of a recording that left idle samples out (the default). */
    public OutputSettings(String title, int sampleRate, boolean lineNumbers, String producer) {
        this(title, sampleRate, lineNumbers, producer, false);
    }
}
