// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.fakes;

import dev.pyspy4j.engine.sampling.Clock;
import dev.pyspy4j.engine.sampling.StopSignal;

/** A clock that moves only when told to or when asked to sleep, which it does instantly. */
public final class FakeClock implements Clock {
    private long now = 5_000_000_000L;
    private int sleeps;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleepUntil(long deadline, StopSignal stop) {
        sleeps++;
        if (!stop.requested() && deadline > now) {
            now = deadline;
        }
    }

    /** Lets time pass, as a slow sample would. */
    public void advance(long nanos) {
        now += nanos;
    }

    public int sleeps() {
        return sleeps;
    }
}
