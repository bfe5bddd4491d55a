// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import java.time.Duration;

/** Waits between attempts; tests replace it so that backoff takes no time. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /**
     * @throws InterruptedException when the wait is cut short, e.g. by the end of a recording
     */
    void sleep(Duration duration) throws InterruptedException;
}
