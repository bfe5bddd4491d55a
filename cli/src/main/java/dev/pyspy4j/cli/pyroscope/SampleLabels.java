// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import java.util.Locale;

/**
 * The pprof sample labels a pushed profile keeps ({@code --pyroscope-labels}). Pyroscope makes a series of every
 * distinct set of sample labels, so a label whose values are many (thread ids) multiplies the series it stores;
 * none is kept unless asked for.
 */
public enum SampleLabels {
    /** {@code thread_id} and {@code thread_name}: a series per thread. */
    THREAD,
    /** {@code pid}, with {@code --subprocesses}: a series per process. */
    PID;

    /** {@code thread} or {@code pid}, in any case. */
    public static SampleLabels parse(String text) {
        for (SampleLabels labels : values()) {
            if (labels.name().equalsIgnoreCase(text.strip())) {
                return labels;
            }
        }
        throw new IllegalArgumentException("--pyroscope-labels takes thread or pid, not '" + text + "'");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
