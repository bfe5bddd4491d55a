// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import java.time.Duration;

/**
 * How long to wait before trying a push again: doubling from {@code first} up to {@code longest}, for at most
 * {@code attempts} tries in all, after which the profile counts as failed.
 */
public record Backoff(Duration first, Duration longest, int attempts) {
    /** 1, 2, 4, 8, 16, 30, 30 s: a server away for about a minute and a half loses nothing. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 8);

    public Backoff {
        if (first.isNegative() || longest.compareTo(first) < 0 || attempts < 1) {
            throw new IllegalArgumentException("bad backoff: " + first + ", " + longest + ", " + attempts);
        }
    }

    /** The wait after the {@code failed}-th failed attempt (1 for the first). */
    public Duration after(int failed) {
        Duration wait = first;
        for (int i = 1; i < failed && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
