// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

/** What turns outside events (signals, JVM shutdown) into requests on a {@link StopSignal}. */
@FunctionalInterface
public interface StopTriggers {
    /** Starts turning events into requests on {@code stop} until the result is closed. */
    Armed arm(StopSignal stop);

    /** Armed triggers; closing them says the run has finished (its output is written) and disarms them. */
    interface Armed extends AutoCloseable {
        @Override
        void close();
    }

    /** SIGINT and SIGTERM, and the JVM shutting down for any other reason. */
    static StopTriggers signalsAndShutdown() {
        return SignalStopTriggers::arm;
    }

    /** Nothing from outside; only code holding the signal stops the run. */
    static StopTriggers none() {
        return stop -> () -> { };
    }
}
