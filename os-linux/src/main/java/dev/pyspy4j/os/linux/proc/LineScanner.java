// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.proc;

/** Reads blank-separated fields of one line of {@code /proc} text from left to right, failing with context. */
final class LineScanner {
    private final String line;
    private final String source;
    private int position;

    LineScanner(String line, String source) {
        this.line = line;
        this.source = source;
    }

    /** A hexadecimal number ending at {@code terminator}, which is consumed. */
    long hex(char terminator) {
        skipSpaces();
        int end = line.indexOf(terminator, position);
        if (end < 0) {
            throw new ProcParseException(source, "missing '" + terminator + "'", line);
        }
        long value = parseHex(line.substring(position, end));
        position = end + 1;
        return value;
    }

    /** A field ending at the next space (or the line's end); leading spaces are skipped. */
    String word() {
        skipSpaces();
        if (position >= line.length()) {
            throw new ProcParseException(source, "missing field", line);
        }
        int end = line.indexOf(' ', position);
        end = end < 0 ? line.length() : end;
        String word = line.substring(position, end);
        position = end;
        return word;
    }

    /** Everything after the next run of spaces, possibly empty. */
    String rest() {
        skipSpaces();
        return line.substring(position);
    }

    private void skipSpaces() {
        while (position < line.length() && line.charAt(position) == ' ') {
            position++;
        }
    }

    private long parseHex(String digits) {
        boolean valid = !digits.isEmpty() && digits.length() <= 16
                && digits.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
        if (!valid) {
            throw new ProcParseException(source, "bad hexadecimal number '" + digits + "'", line);
        }
        return Long.parseUnsignedLong(digits, 16);
    }
}
