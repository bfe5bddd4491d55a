// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The live status of a recording: elapsed time (of the duration, if one was given), stacks and errors. Redrawn at
 * most five times a second, since a faster refresh only costs the sampler time.
 */
final class ProgressLine {
    private static final long REFRESH_NANOS = 200_000_000L;

    private final RecordConsole console;
    private final OptionalLong durationSeconds;
    private final boolean enabled;
    private long lastDrawn = Long.MIN_VALUE;

    /**
     * @param enabled whether to show it at all (the console still shows it only on a terminal)
     */
    ProgressLine(RecordConsole console, OptionalLong durationSeconds, boolean enabled) {
        this.console = console;
        this.durationSeconds = durationSeconds;
        this.enabled = enabled && console.isTerminal();
    }

    void update(long elapsedNanos, long samples, long errors) {
        if (enabled && (lastDrawn == Long.MIN_VALUE || elapsedNanos - lastDrawn >= REFRESH_NANOS)) {
            lastDrawn = elapsedNanos;
            console.status(text(elapsedNanos, durationSeconds, samples, errors));
        }
    }

    void finish() {
        console.clearStatus();
    }

    static String text(long elapsedNanos, OptionalLong durationSeconds, long samples, long errors) {
        String elapsed = String.format(Locale.ROOT, "%.1f s", elapsedNanos / 1e9);
        String time = durationSeconds.isPresent() ? elapsed + " / " + durationSeconds.getAsLong() + " s" : elapsed;
        return "Sampling: " + time + ", " + samples + " stacks, " + errors + " errors";
    }
}
