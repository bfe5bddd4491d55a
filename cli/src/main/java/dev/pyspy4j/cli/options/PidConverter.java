// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.options;

import picocli.CommandLine;

/** Reads a process id written in decimal or, as py-spy accepts, in hexadecimal after {@code 0x}. */
public final class PidConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
        long pid = parse(text);
        // pid_t is a signed 32-bit int; 0 and negative values name process groups in kill(2), never a process.
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a process id (1 to "
                    + Integer.MAX_VALUE + ")");
        }
        return pid;
    }

    private static long parse(String text) {
        boolean hex = text.startsWith("0x") || text.startsWith("0X");
        String digits = hex ? text.substring(2) : text;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, hex ? 16 : 10) >= 0
                && c < 128)) {
            throw new CommandLine.TypeConversionException("'" + text
                    + "' is not a process id (a decimal number, or hexadecimal after 0x)");
        }
        try {
            return Long.parseLong(digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
