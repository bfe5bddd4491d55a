// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine;

import dev.pyspy4j.engine.sampling.ProgramOrPid;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a run samples and how its file names are shown.
 *
 * @param what          a running process, or a program to launch
 * @param subprocesses  the process's descendants too, each stack rooted in its process's pseudo-frames
 * @param fullFilenames keep full file paths instead of shortening them to what the target imports them as
 * @param programLog    where a launched program's output goes; empty to let it share this process's standard streams
 * @param requestedAt   the {@link dev.pyspy4j.engine.sampling.Clock#nanoTime} at which the run was asked for, from
 *                      which a launched program's duration counts (a command line's own start-up is then part of
 *                      it, as py-spy's is); empty to count from the launch
 */
public record Target(ProgramOrPid what, boolean subprocesses, boolean fullFilenames, Optional<Path> programLog,
                     OptionalLong requestedAt) {
    public Target {
        Objects.requireNonNull(what, "what is null");
        Objects.requireNonNull(programLog, "programLog is null");
        Objects.requireNonNull(requestedAt, "requestedAt is null");
    }

    /** A target whose launched program's duration counts from the launch. */
    public Target(ProgramOrPid what, boolean subprocesses, boolean fullFilenames, Optional<Path> programLog) {
        this(what, subprocesses, fullFilenames, programLog, OptionalLong.empty());
    }

    /** A running process alone, file names shortened. */
    public static Target process(long pid) {
        return new Target(ProgramOrPid.ofPid(pid), false, false, Optional.empty());
    }

    /** A program to launch, its output on this process's streams, file names shortened. */
    public static Target program(List<String> command) {
        return new Target(ProgramOrPid.ofProgram(command), false, false, Optional.empty());
    }

    /** The same target with its descendants. */
    public Target withSubprocesses(boolean on) {
        return new Target(what, on, fullFilenames, programLog, requestedAt);
    }

    /** The same target with full file paths kept or not. */
    public Target withFullFilenames(boolean on) {
        return new Target(what, subprocesses, on, programLog, requestedAt);
    }

    /** The same target, a launched program writing its output to {@code log}. */
    public Target withProgramLog(Path log) {
        return new Target(what, subprocesses, fullFilenames, Optional.of(log), requestedAt);
    }
}
