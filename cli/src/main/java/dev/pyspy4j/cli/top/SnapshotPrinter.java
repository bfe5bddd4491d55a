// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import dev.pyspy4j.engine.sampling.Clock;
import dev.pyspy4j.engine.sampling.StopSignal;
import java.io.PrintWriter;
import org.jline.utils.AttributedString;

/**
 * {@code top} when standard output is not a terminal (a pipe, a file): one plain snapshot per refresh interval
 * that had samples, each followed by a blank line, in colour only when forced ({@code CLICOLOR_FORCE}). There are
 * no keys to read; waiting for one is sleeping, cut short by a stop request.
 */
public final class SnapshotPrinter implements TopDisplay {
    private final PrintWriter out;
    private final TopRenderer renderer;
    private final boolean colours;
    private final Clock clock;
    private final StopSignal stop;

    public SnapshotPrinter(PrintWriter out, TopRenderer renderer, boolean colours, Clock clock, StopSignal stop) {
        this.out = out;
        this.renderer = renderer;
        this.colours = colours;
        this.clock = clock;
        this.stop = stop;
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public void show(TopView view, ScreenState state) {
        if (view.windowSamples() == 0) {
            return;
        }
        for (AttributedString line : renderer.snapshot(view, state.sort())) {
            out.println(colours ? line.toAnsi() : line.toString());
        }
        out.println();
        out.flush();
    }

    @Override
    public int readKey(long timeoutNanos) {
        clock.sleepUntil(clock.nanoTime() + timeoutNanos, stop);
        return NO_KEY;
    }

    @Override
    public boolean resized() {
        return false;
    }

    @Override
    public void close() {
        out.flush();
    }
}
