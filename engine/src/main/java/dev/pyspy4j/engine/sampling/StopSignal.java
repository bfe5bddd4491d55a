// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A request to stop sampling, made from another thread (a signal handler, a shutdown hook, a UI) and seen by the
 * sampler at its next tick; a sleeping sampler is woken at once. The first request wins. Thread-safe.
 */
public final class StopSignal {
    private final AtomicReference<StopReason> reason = new AtomicReference<>();
    private volatile Thread sleeper;

    /** Asks the sampler to stop; later requests keep the first reason. */
    public void request(StopReason why) {
        if (reason.compareAndSet(null, why)) {
            Thread waiting = sleeper;
            if (waiting != null) {
                LockSupport.unpark(waiting);
            }
        }
    }

    public boolean requested() {
        return reason.get() != null;
    }

    public Optional<StopReason> reason() {
        return Optional.ofNullable(reason.get());
    }

    /** Names the thread that {@link #request} must wake; called by a clock before it parks that thread. */
    void wakeUp(Thread thread) {
        sleeper = thread;
    }
}
