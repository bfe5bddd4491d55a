// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import dev.pyspy4j.engine.sampling.ProgramOrPid;
import dev.pyspy4j.engine.sampling.SamplingPlan;
import java.util.Objects;

/**
 * What {@code top} was asked for.
 *
 * @param target        the process to attach to or the program to launch
 * @param sampling      rate, blocking and GIL choices; line numbers are always read, for the L key
 * @param includeIdle   count the stacks of idle threads ({@code --idle})
 * @param subprocesses  watch the process's descendants too ({@code --subprocesses})
 * @param fullFilenames keep full file paths ({@code --full-filenames})
 * @param delaySeconds  the refresh interval ({@code --delay})
 */
public record TopRequest(ProgramOrPid target, SamplingPlan sampling, boolean includeIdle, boolean subprocesses,
                         boolean fullFilenames,
                         double delaySeconds) {
    public TopRequest {
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(sampling, "sampling is null");
        if (!(delaySeconds > 0)) {
            throw new IllegalArgumentException("delay must be positive, was " + delaySeconds);
        }
    }

    /** The refresh interval in nanoseconds. */
    public long delayNanos() {
        return Math.round(delaySeconds * 1e9);
    }
}
