// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

/**
 * One moment at which a sample is due.
 *
 * @param elapsedNanos time since sampling started, when the tick fired
 * @param lateNanos    how long after its scheduled time the tick fired (0 when on time)
 * @param missedTicks  ticks skipped before this one because sampling fell behind; they are counted, not taken
 */
public record Tick(long elapsedNanos, long lateNanos, long missedTicks) {
}
