// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import java.util.Locale;

/**
 * One window of a recording.
 *
 * @param number     1 for the first window, counting up
 * @param startNanos where it starts, in nanoseconds since the recording started
 * @param endNanos   where it ends
 * @param stacks     the stacks it holds; -1 when not counted (a first request's window is the whole recording)
 */
public record WindowSpan(int number, long startNanos, long endNanos, long stacks) {
    /** {@code (10.0 to 20.0 s of the recording: 987 stacks)}. */
    public String describe() {
        return String.format(Locale.ROOT, "(%.1f to %.1f s of the recording", startNanos / 1e9, endNanos / 1e9)
                + (stacks < 0 ? ")" : ": " + stacks + " stacks)");
    }
}
