// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What to sample: a running process, or a program to launch and sample ({@code -- python app.py}); exactly one.
 *
 * @param pid     the running process, or empty
 * @param program the command line to launch, program first, or empty
 */
public record ProgramOrPid(OptionalLong pid, List<String> program) {
    public ProgramOrPid {
        Objects.requireNonNull(pid, "pid is null");
        program = List.copyOf(program);
        if (pid.isPresent() == !program.isEmpty()) {
            throw new IllegalArgumentException("give either a pid or a program, not " + (pid.isPresent() ? "both"
                    : "neither"));
        }
    }

    public static ProgramOrPid ofPid(long pid) {
        return new ProgramOrPid(OptionalLong.of(pid), List.of());
    }

    public static ProgramOrPid ofProgram(List<String> command) {
        return new ProgramOrPid(OptionalLong.empty(), command);
    }

    public boolean launches() {
        return !program.isEmpty();
    }

    /** argv[0] of the program, else the pid: what default output names start with. */
    public String name() {
        return launches() ? program.get(0) : Long.toString(pid.getAsLong());
    }
}
