// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

import picocli.CommandLine;

/**
 * Reads {@code --duration}: whole seconds, or {@code unlimited} (py-spy's default) for which it returns
 * {@code null}.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Long> {
    public static final String UNLIMITED = "unlimited";
    /** About 68 years: far beyond any recording, and small enough that nanoseconds fit in a long. */
    static final long MAX_SECONDS = Integer.MAX_VALUE;

    @Override
    public Long convert(String text) {
        if (text.equals(UNLIMITED)) {
            return null;
        }
        long seconds = Numbers.wholeNumber(text);
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a duration (whole seconds from 1 to "
                    + MAX_SECONDS + ", or " + UNLIMITED + ")");
        }
        return seconds;
    }
}
