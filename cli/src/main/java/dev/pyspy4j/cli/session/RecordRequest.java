// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.session;

import dev.pyspy4j.cli.pyroscope.PyroscopePush;
import dev.pyspy4j.engine.sampling.ProgramOrPid;
import dev.pyspy4j.engine.sampling.SamplingPlan;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code record} was asked for.
 *
 * @param target        the process to attach to or the program to launch
 * @param sampling      rate, duration, blocking, GIL and line-number choices
 * @param format        the output format's id as typed (any case)
 * @param output        the output file; empty for py-spy's default name
 * @param includeIdle   keep the stacks of idle threads ({@code --idle})
 * @param threadFrames  root every stack in a {@code thread (...)} pseudo-frame ({@code --threads})
 * @param subprocesses  sample the target's descendants too, each stack rooted in its process's pseudo-frames
 *                      ({@code --subprocesses})
 * @param fullFilenames keep full file paths ({@code --full-filenames})
 * @param showStatus    keep a live status line on a terminal
 * @param title         the command line, for formats that show a title
 * @param periodSeconds how often a numbered file of the last period's stacks is written beside the output
 *                      ({@code --period}); empty for none but those SIGUSR1 asks for
 * @param pyroscope     where windows of the recording are pushed ({@code --pyroscope}); empty for nowhere
 */
public record RecordRequest(ProgramOrPid target, SamplingPlan sampling, String format, Optional<String> output,
                            boolean includeIdle, boolean threadFrames, boolean subprocesses, boolean fullFilenames,
                            boolean showStatus, String title, OptionalLong periodSeconds,
                            Optional<PyroscopePush> pyroscope) {
    public RecordRequest {
        Objects.requireNonNull(pyroscope, "pyroscope is null");
        Objects.requireNonNull(periodSeconds, "periodSeconds is null");
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(sampling, "sampling is null");
        Objects.requireNonNull(format, "format is null");
        Objects.requireNonNull(output, "output is null");
        Objects.requireNonNull(title, "title is null");
    }
}
