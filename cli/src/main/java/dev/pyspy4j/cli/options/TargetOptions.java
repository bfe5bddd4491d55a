// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** How {@code dump} names what it looks at: a running process, or a core file of one. */
public final class TargetOptions {
    @Option(names = {"-p", "--pid"}, paramLabel = "<pid>", converter = PidConverter.class,
            description = "PID of a running python program to spy on, in decimal or hex")
    private Long pid;

    @Option(names = {"-c", "--core"}, paramLabel = "<core>",
            description = "Core file of a python program to read instead of a running one (Linux)")
    private Path core;

    /**
     * The process's id, when a core file was not given instead.
     *
     * @throws CommandLine.ParameterException when neither or both were given
     */
    public Optional<Long> pid(CommandSpec spec) {
        if (pid != null && core != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pid and --core can't be used together");
        }
        if (pid == null && core == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--pid=<pid>'");
        }
        return Optional.ofNullable(pid);
    }

    /** The core file given instead of a process, if any. */
    public Optional<Path> core() {
        return Optional.ofNullable(core);
    }
}
