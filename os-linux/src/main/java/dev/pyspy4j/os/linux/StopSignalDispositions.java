// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.os.linux.jna.LinuxCalls;

/**
 * Gives SIGINT and SIGTERM back their default disposition when this process inherited them ignored. A shell starts
 * its background jobs with SIGINT ignored (and any parent may ignore SIGTERM); an ignored disposition survives
 * exec, and the JVM then declines to install any handler for it, so Control-C and {@code kill} would be lost.
 */
final class StopSignalDispositions {
    /** Linux's signal numbers, the same on every architecture. */
    private static final int SIGINT = 2;
    private static final int SIGTERM = 15;

    private StopSignalDispositions() {
    }

    /**
     * Only an ignored signal is touched: the JVM's own handlers stay in place otherwise. Between this and the
     * installation of the stop handlers a signal would end the process at once, as it would for any program.
     */
    static void restore() {
        for (int signal : new int[] {SIGINT, SIGTERM}) {
            if (LinuxCalls.signalIsIgnored(signal)) {
                LinuxCalls.setDefaultDisposition(signal);
            }
        }
    }
}
