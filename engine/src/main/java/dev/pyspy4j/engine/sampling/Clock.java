// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

/** Monotonic time and waiting for the sampler; tests replace it with a clock that never really sleeps. */
public interface Clock {
    /** A monotonic time in nanoseconds, comparable only with other values of the same clock. */
    long nanoTime();

    /**
     * Waits until {@link #nanoTime()} reaches {@code deadline}, or less when {@code stop} is requested meanwhile.
     */
    void sleepUntil(long deadline, StopSignal stop);

    /** The JVM's monotonic clock. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
