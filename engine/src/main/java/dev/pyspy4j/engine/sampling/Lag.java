// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

/**
 * Sampling fell behind the asked rate.
 *
 * @param achievedRate samples per second taken over the last window
 * @param askedRate    samples per second asked for
 * @param stallNanos   when one tick came much too late (a stalled machine, a suspended process), by how much;
 *                     0 when sampling is merely slower than asked
 */
public record Lag(double achievedRate, int askedRate, long stallNanos) {
    public boolean isStall() {
        return stallNanos > 0;
    }
}
