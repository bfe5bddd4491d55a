// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.flamegraph;

/** Fixed two-decimal numbers for coordinates and percentages, without {@code String.format}'s per-call cost. */
final class Decimals {
    private Decimals() {
    }

    /** {@code value} rounded half up to two decimals, always with both, e.g. {@code 3.10}; never negative zero. */
    static String twoPlaces(double value) {
        long hundredths = Math.round(value * 100);
        StringBuilder text = new StringBuilder(12);
        if (hundredths < 0) {
            text.append('-');
            hundredths = -hundredths;
        }
        long fraction = hundredths % 100;
        text.append(hundredths / 100).append('.');
        if (fraction < 10) {
            text.append('0');
        }
        return text.append(fraction).toString();
    }
}
