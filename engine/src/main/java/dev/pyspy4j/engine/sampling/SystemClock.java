// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import java.util.concurrent.locks.LockSupport;

/**
 * {@link System#nanoTime()} and {@link LockSupport#parkNanos}: unlike {@code Thread.sleep}, which rounds to whole
 * milliseconds on JDK 17, parking honours the sub-millisecond intervals of high sampling rates, and
 * {@link StopSignal#request} ends it early by unparking the waiting thread.
 */
final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleepUntil(long deadline, StopSignal stop) {
        stop.wakeUp(Thread.currentThread());
        // parkNanos may return early (spurious wake-ups, unpark): loop until the deadline or a stop.
        for (long left = deadline - System.nanoTime(); left > 0 && !stop.requested();
                left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }
}
