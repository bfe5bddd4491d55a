// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.convert;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.output.RecordedProfile;
import dev.pyspy4j.spi.output.Recorder;

/**
 * Feeds a profile read back into a {@link Recorder}: each stack with its count, one after another on the timeline
 * (an aggregated profile has no times left), each sample one sampling interval long.
 */
public final class Replay {
    /**
     * The most samples {@code convert} replays. Formats with a timeline take samples one by one, so an absurd count
     * in a file would otherwise run for hours; a day at 100 Hz of 11 busy threads stays under it.
     */
    public static final long MAX_SAMPLES = 100_000_000L;

    private Replay() {
    }

    /**
     * Records every stack of {@code profile} into {@code recorder}.
     *
     * @throws SpyException MALFORMED_INPUT when the profile holds more than {@link #MAX_SAMPLES} samples
     */
    public static void into(Recorder recorder, RecordedProfile profile, int sampleRate, String shownAs) {
        long total = profile.totalSamples();
        if (total > MAX_SAMPLES) {
            throw new SpyException(FailureKind.MALFORMED_INPUT, "'" + shownAs + "' holds " + total
                    + " samples, more than convert replays (" + MAX_SAMPLES + ")");
        }
        long intervalNanos = 1_000_000_000L / sampleRate;
        long elapsedNanos = 0;
        for (RecordedProfile.CountedStack stack : profile.stacks()) {
            recorder.record(stack.trace(), elapsedNanos, stack.count());
            elapsedNanos += stack.count() * intervalNanos;
        }
    }
}
