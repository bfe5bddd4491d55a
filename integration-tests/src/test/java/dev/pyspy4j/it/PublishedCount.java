// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A count that a target script keeps publishing to a file (written beside it, then renamed into place, so that it is
 * never read half written): how many threads or processes it started so far.
 */
record PublishedCount(Path file) {
    private static final long RUNS_ON_WAIT_MILLIS = 10_000;

    long read() throws IOException {
        return Long.parseLong(Files.readString(file).strip());
    }

    /** Waits until the count passes {@code seen}: the target goes on once a record has let go of it. */
    void awaitAbove(long seen, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUNS_ON_WAIT_MILLIS);
        while (read() <= seen) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
