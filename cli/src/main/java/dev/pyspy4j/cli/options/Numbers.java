// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

/** Parses the whole numbers of options, for converters that then check their range. */
final class Numbers {
    private Numbers() {
    }

    /**
     * The value of a string of ASCII digits; {@link Long#MAX_VALUE} when it is too large and -1 when it is not
     * a number at all, so that the caller's range check rejects both with its own message.
     */
    static long wholeNumber(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
