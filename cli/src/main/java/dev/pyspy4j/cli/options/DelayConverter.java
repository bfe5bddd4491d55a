// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads {@code --delay}: seconds between two refreshes of {@code top}, a decimal number from 0.01 to 3600. */
public final class DelayConverter implements CommandLine.ITypeConverter<Double> {
    static final double MIN_SECONDS = 0.01;
    static final double MAX_SECONDS = 3600;
    /** Plain decimals only: no signs, exponents, hexadecimal floats, NaN or Infinity, which Double accepts. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");

    @Override
    public Double convert(String text) {
        double seconds = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : -1;
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a delay (seconds from "
                    + MIN_SECONDS + " to " + (int) MAX_SECONDS + ", e.g. 0.5)");
        }
        return seconds;
    }
}
