// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

/** What turns an outside request (SIGUSR1) into a call asking a recording to write what it has so far. */
@FunctionalInterface
public interface SnapshotTriggers {
    /**
     * Calls {@code request} on each outside request until the result is closed; {@code request} runs on a thread of
     * the trigger's own and must only note the request.
     */
    Armed arm(Runnable request);

    /** Armed triggers; closing them gives the requests back to what handled them before. */
    interface Armed extends AutoCloseable {
        @Override
        void close();
    }

    /** SIGUSR1, as {@code kill -USR1 <pid>} sends it. */
    static SnapshotTriggers userSignal() {
        return UserSignalTrigger::arm;
    }

    /** Nothing from outside. */
    static SnapshotTriggers none() {
        return request -> () -> { };
    }
}
