// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.FailureKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * How long to keep trying to find the interpreter of a process, and after which failures.
 *
 * @param nanos             give up once this much time has passed since the first attempt
 * @param spacingNanos      the wait between attempts
 * @param retried           the failures worth another attempt; any other is reported at once
 * @param eagerNanos        for this long after the first attempt, wait only {@code eagerSpacingNanos} between
 *                          attempts instead
 * @param eagerSpacingNanos the wait between attempts early on
 */
public record OpenPatience(long nanos, long spacingNanos, Set<FailureKind> retried, long eagerNanos,
                           long eagerSpacingNanos) {
    private static final long MILLIS = 1_000_000L;

    public OpenPatience {
        retried = Set.copyOf(retried);
    }

    /** The same spacing throughout. */
    public OpenPatience(long nanos, long spacingNanos, Set<FailureKind> retried) {
        this(nanos, spacingNanos, retried, 0, spacingNanos);
    }

    /** The wait before the next attempt, {@code elapsedNanos} after the first. */
    public long spacingAfter(long elapsedNanos) {
        return elapsedNanos < eagerNanos ? eagerSpacingNanos : spacingNanos;
    }

    /**
     * For a process that already runs: a read can still race with the interpreter changing a pointer, so torn reads
     * get a few more attempts, as py-spy's {@code retry_new(pid, 3)}; anything else is final.
     */
    public static OpenPatience runningProcess() {
        return new OpenPatience(100 * MILLIS, 20 * MILLIS, EnumSet.of(FailureKind.MEMORY_READ));
    }

    /**
     * One attempt and no more: for a caller that schedules attempts itself, such as a process tree opening its
     * processes in the background while it samples the others.
     */
    public static OpenPatience once() {
        return new OpenPatience(0, 0, EnumSet.noneOf(FailureKind.class));
    }

    /**
     * For a program just launched: until it has exec'd Python, mapped libpython and created its interpreter state
     * (tens of milliseconds, longer on a busy machine) every step can fail, so keep trying for 5 s. Every
     * millisecond for the first half second, because the interpreter runs the program's first lines a few
     * milliseconds after it exists and a short script is over within a tenth of a second; every 20 ms afterwards,
     * when the program is more likely a launcher that takes its time to start Python.
     */
    public static OpenPatience startingProgram() {
        return new OpenPatience(5_000 * MILLIS, 20 * MILLIS, EnumSet.of(FailureKind.NOT_PYTHON,
                FailureKind.UNSUPPORTED_PYTHON, FailureKind.MEMORY_READ, FailureKind.MALFORMED_INPUT),
                500 * MILLIS, MILLIS);
    }
}
