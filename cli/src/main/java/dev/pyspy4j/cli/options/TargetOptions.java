// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

import picocli.CommandLine.Option;

/** How a command names the process it looks at. */
public final class TargetOptions {
    @Option(names = {"-p", "--pid"}, required = true, paramLabel = "<pid>", converter = PidConverter.class,
            description = "PID of a running python program to spy on, in decimal or hex")
    private long pid;

    public long pid() {
        return pid;
    }
}
