// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.launch;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Waits for processes that are not children of the JVM to end. {@link ProcessHandle#onExit()} polls such a process
 * with sleeps that start at 300 ms and grow, which would keep a user waiting after the program has gone; a short
 * fixed poll notices within a few milliseconds.
 */
final class ProcessesGone {
    private static final long POLL_MILLIS = 5;

    private ProcessesGone() {
    }

    /** Whether every process had ended by {@code deadline} (a {@link System#nanoTime()} value). */
    static boolean await(List<ProcessHandle> processes, long deadline) {
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
