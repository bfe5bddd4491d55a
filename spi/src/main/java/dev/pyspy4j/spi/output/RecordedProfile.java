// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.output;

import dev.pyspy4j.spi.model.StackTrace;
import java.util.List;
import java.util.Objects;

/**
 * A profile read back from a file: its distinct stacks with their sample counts, and what the file tells about the
 * recording, each {@code null} or 0 when it does not tell.
 *
 * @param title        the command line that made the recording, or {@code null}
 * @param sampleRate   samples per second, or 0 when unknown
 * @param includesIdle whether the samples measure wall-clock time (idle samples kept)
 * @param stacks       every distinct stack, in the file's order
 */
public record RecordedProfile(String title, int sampleRate, boolean includesIdle, List<CountedStack> stacks) {
    public RecordedProfile {
        stacks = List.copyOf(Objects.requireNonNull(stacks, "stacks is null"));
        if (sampleRate < 0) {
            throw new IllegalArgumentException("sample rate must not be negative, was " + sampleRate);
        }
    }

    /** The samples of all stacks; saturates at {@code Long.MAX_VALUE}. */
    public long totalSamples() {
        long total = 0;
        for (CountedStack stack : stacks) {
            total = total + stack.count() < 0 ? Long.MAX_VALUE : total + stack.count();
        }
        return total;
    }

    /**
     * One distinct stack and how many samples it had.
     *
     * @param trace the stack, its frames leaf first, with whatever thread and process the file names
     * @param count the samples, positive
     */
    public record CountedStack(StackTrace trace, long count) {
        public CountedStack {
            Objects.requireNonNull(trace, "trace is null");
            if (count <= 0) {
                throw new IllegalArgumentException("count must be positive, was " + count);
            }
        }
    }
}
