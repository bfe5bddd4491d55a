// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

/** What a {@link PushQueue} tells as it goes; called on its pushing thread, or on the offering thread for drops. */
public interface PushEvents {
    /** The first profile the server accepted, or the first after failures. */
    void accepted(long pushed, long failedAttemptsBefore);

    /**
     * An attempt failed.
     *
     * @param why        the HTTP status and the first line of the body, or the network error
     * @param willRetry  whether the profile is tried again
     */
    void attemptFailed(String why, boolean willRetry);

    /** A full queue let go of its oldest profile for a new one. */
    void dropped(long droppedSoFar);

    /** Nothing is said. */
    PushEvents SILENT = new PushEvents() {
        @Override
        public void accepted(long pushed, long failedAttemptsBefore) {
        }

        @Override
        public void attemptFailed(String why, boolean willRetry) {
        }

        @Override
        public void dropped(long droppedSoFar) {
        }
    };
}
