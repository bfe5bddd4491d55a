// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

import picocli.CommandLine;

/** Reads {@code --rate}: whole samples per second, from 1 to a million (one sample per microsecond). */
public final class RateConverter implements CommandLine.ITypeConverter<Integer> {
    static final int MAX_RATE = 1_000_000;

    @Override
    public Integer convert(String text) {
        long rate = Numbers.wholeNumber(text);
        if (rate < 1 || rate > MAX_RATE) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a sampling rate (1 to " + MAX_RATE
                    + " samples per second)");
        }
        return (int) rate;
    }
}
