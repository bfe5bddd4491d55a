// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import dev.pyspy4j.engine.sampling.Clock;
import dev.pyspy4j.engine.sampling.StopReason;
import dev.pyspy4j.engine.sampling.StopSignal;
import java.util.function.BooleanSupplier;

/**
 * The screen's thread of {@code top}: every refresh interval of wall-clock time (py-spy counts simulated time,
 * samples times the sampling interval, which drifts when sampling falls behind) it closes the interval and shows
 * the table; in between it reads keys, redraws when one changes the view or the window is resized, and asks
 * sampling to stop on q. It returns once sampling has ended, for whatever reason, after one last view.
 */
public final class TopLoop {
    /** The longest the loop waits before looking again whether sampling ended or the window changed size. */
    private static final long POLL_NANOS = 100_000_000L;
    /** On a screen the first refresh comes early, so that the table fills at once rather than after an interval. */
    private static final long FIRST_REFRESH_NANOS = 200_000_000L;

    private final LiveTable table;
    private final TopDisplay display;
    private final Clock clock;
    private final long delayNanos;
    private final StopSignal stop;
    private final BooleanSupplier samplingEnded;
    private final ScreenState state = new ScreenState();

    /**
     * @param delayNanos    the refresh interval
     * @param stop          what q requests
     * @param samplingEnded whether the sampler has returned
     */
    public TopLoop(LiveTable table, TopDisplay display, Clock clock, long delayNanos, StopSignal stop,
                   BooleanSupplier samplingEnded) {
        this.table = table;
        this.display = display;
        this.clock = clock;
        this.delayNanos = delayNanos;
        this.stop = stop;
        this.samplingEnded = samplingEnded;
    }

    public void run() {
        long nextRefresh = clock.nanoTime() + (display.interactive() ? Math.min(delayNanos, FIRST_REFRESH_NANOS)
                : delayNanos);
        show();
        while (!samplingEnded.getAsBoolean()) {
            long now = clock.nanoTime();
            if (now >= nextRefresh) {
                table.roll();
                show();
                // From now, not from when the refresh was due: a slow terminal delays refreshes, never bunches them.
                nextRefresh = now + delayNanos;
            } else {
                react(display.readKey(Math.min(nextRefresh - now, POLL_NANOS)));
            }
        }
        table.roll();
        show();
    }

    private void react(int key) {
        ScreenState.Action action = key == TopDisplay.NO_KEY ? ScreenState.Action.NONE : state.press(key);
        switch (action) {
            case REDRAW -> show();
            case RESET -> {
                table.reset();
                show();
            }
            case QUIT -> stop.request(StopReason.INTERRUPTED);
            case NONE -> {
                if (display.resized()) {
                    show();
                }
            }
        }
    }

    private void show() {
        display.show(table.view(state.sort(), state.byLine()), state);
    }
}
