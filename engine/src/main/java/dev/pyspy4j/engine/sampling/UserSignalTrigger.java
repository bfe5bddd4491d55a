// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGUSR1 as a snapshot request. The JVM leaves SIGUSR1 to applications on Linux; where it does not (an option
 * such as {@code -Xrs}, another platform), nothing is installed and the signal keeps its default action.
 */
final class UserSignalTrigger implements SnapshotTriggers.Armed {
    private static final String NAME = "USR1";

    private final Signal signal;
    private final SignalHandler previous;

    private UserSignalTrigger(Signal signal, SignalHandler previous) {
        this.signal = signal;
        this.previous = previous;
    }

    static SnapshotTriggers.Armed arm(Runnable request) {
        try {
            Signal signal = new Signal(NAME);
            return new UserSignalTrigger(signal, Signal.handle(signal, caught -> request.run()));
        } catch (IllegalArgumentException unavailable) {
            return () -> { };
        }
    }

    @Override
    public void close() {
        Signal.handle(signal, previous);
    }
}
