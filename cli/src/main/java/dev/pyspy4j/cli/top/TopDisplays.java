// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import dev.pyspy4j.engine.sampling.Clock;
import dev.pyspy4j.engine.sampling.StopSignal;
import java.io.PrintWriter;

/** Opens the display of one {@code top} run, once what is sampled is known. */
@FunctionalInterface
public interface TopDisplays {
    TopDisplay open(TopRenderer renderer, StopSignal stop);

    /**
     * A screen when standard input and output are a terminal that JLine can drive, else plain snapshots on
     * {@code out}.
     *
     * @param colours whether to use colours and attributes (CLICOLOR, CLICOLOR_FORCE, NO_COLOR)
     */
    static TopDisplays forConsole(PrintWriter out, boolean onTerminal, boolean colours, Clock clock) {
        return (renderer, stop) -> {
            TopDisplay snapshots = new SnapshotPrinter(out, renderer, colours, clock, stop);
            return onTerminal ? TerminalScreen.openSystem(renderer, colours).<TopDisplay>map(screen -> screen)
                    .orElse(snapshots) : snapshots;
        };
    }
}
