// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

import dev.pyspy4j.engine.sampling.ProgramOrPid;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** How {@code record} and {@code top} name what they sample: {@code --pid}, or a program to run after {@code --}. */
public final class ProgramOrPidOptions {
    @Option(names = {"-p", "--pid"}, paramLabel = "<pid>", converter = PidConverter.class,
            description = "PID of a running python program to spy on, in decimal or hex")
    private Long pid;

    @Parameters(paramLabel = "python_program", arity = "0..*",
            description = "commandline of a python program to run (put it after --)")
    private List<String> program = new ArrayList<>();

    /**
     * The target; exactly one of the two must have been given.
     *
     * @throws CommandLine.ParameterException a usage error naming what is missing or too much
     */
    public ProgramOrPid target(CommandSpec spec) {
        if (pid != null && !program.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--pid and a python_program can't be used together");
        }
        if (pid == null && program.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--pid=<pid>' (or give a python_program to run after --)");
        }
        return pid != null ? ProgramOrPid.ofPid(pid) : ProgramOrPid.ofProgram(program);
    }
}
