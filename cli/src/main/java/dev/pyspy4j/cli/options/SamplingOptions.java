// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

import picocli.CommandLine.Option;

/** How often and how {@code record} and {@code top} sample, with py-spy's flags and defaults. */
public final class SamplingOptions {
    @Option(names = {"-r", "--rate"}, paramLabel = "<rate>", defaultValue = "100", converter = RateConverter.class,
            description = "The number of samples to collect per second (default: ${DEFAULT-VALUE})")
    private int rate;

    @Option(names = {"-g", "--gil"}, description = "Only include traces that are holding on to the GIL")
    private boolean gilOnly;

    @Option(names = {"-i", "--idle"}, description = "Include stack traces for idle threads")
    private boolean includeIdle;

    @Option(names = "--nonblocking", description = "Don't pause the python process when collecting samples."
            + " Setting this option will reduce the performance impact of sampling, but may lead to inaccurate"
            + " results")
    private boolean nonblocking;

    public int rate() {
        return rate;
    }

    public boolean gilOnly() {
        return gilOnly;
    }

    public boolean includeIdle() {
        return includeIdle;
    }

    public boolean pauseTarget() {
        return !nonblocking;
    }
}
