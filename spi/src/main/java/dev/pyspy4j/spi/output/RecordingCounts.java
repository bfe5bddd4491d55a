// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How complete a recording is, as its summary line tells it: the sampling rounds made, the stacks kept, and the
 * rounds that failed (a torn stack, unreadable memory, ...) and so are in no stack. A file that carries these lets
 * whoever reads it later judge its samples without the console output of the run.
 *
 * @param rounds         the sampling rounds made
 * @param samples        the stacks recorded
 * @param errorsByReason failed rounds by reason, e.g. {@code torn stack}, most frequent first; the order is kept
 */
public record RecordingCounts(long rounds, long samples, Map<String, Long> errorsByReason) {
    public RecordingCounts {
        if (rounds < 0 || samples < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + rounds + " rounds, " + samples
                    + " samples");
        }
        Objects.requireNonNull(errorsByReason, "errorsByReason is null");
        errorsByReason.forEach((reason, count) -> {
            Objects.requireNonNull(reason, "a reason is null");
            if (count == null || count <= 0) {
                throw new IllegalArgumentException("the count of " + reason + " must be positive, was " + count);
            }
        });
        errorsByReason = Collections.unmodifiableMap(new LinkedHashMap<>(errorsByReason));
    }

    /** The failed rounds of every reason. */
    public long errors() {
        return errorsByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * One line, as the summary of a run says it, e.g. {@code 631 samples in 324 rounds, errors: 2 (torn stack: 2)}.
     */
    public String describe() {
        long errors = errors();
        return samples + " samples in " + rounds + " rounds, errors: " + errors + (errors == 0 ? ""
                : errorsByReason.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                        .collect(Collectors.joining(", ", " (", ")")));
    }
}
