// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

/**
 * Reads a mangled name one character at a time and counts the work done, so that no input can make the
 * demangler run long: every step costs one unit of a budget proportional to the input's length.
 */
final class Cursor {
    private static final char END = '\0';
    private static final int STEPS_PER_CHARACTER = 64;
    private static final int MIN_STEPS = 4096;

    private final String text;
    private int position;
    private long stepsLeft;

    Cursor(String text) {
        this.text = text;
        this.stepsLeft = Math.max(MIN_STEPS, (long) text.length() * STEPS_PER_CHARACTER);
    }

    /** The current character, or '\0' at the end. */
    char peek() {
        return peek(0);
    }

    char peek(int ahead) {
        int at = position + ahead;
        return at < text.length() ? text.charAt(at) : END;
    }

    boolean atEnd() {
        return position >= text.length();
    }

    char next() {
        if (atEnd()) {
            throw new Rejected("unexpected end of name");
        }
        return text.charAt(position++);
    }

    /** Consumes {@code c} if it is the current character. */
    boolean consume(char c) {
        if (peek() == c && !atEnd()) {
            position++;
            return true;
        }
        return false;
    }

    boolean consume(String prefix) {
        if (text.startsWith(prefix, position)) {
            position += prefix.length();
            return true;
        }
        return false;
    }

    void expect(char c) {
        if (!consume(c)) {
            throw new Rejected("expected '" + c + "' at " + position);
        }
    }

    /** A non-negative decimal number; rejects absurdly long ones. */
    int number() {
        if (!isDigit(peek())) {
            throw new Rejected("expected a number at " + position);
        }
        long value = 0;
        while (isDigit(peek())) {
            value = value * 10 + (next() - '0');
            if (value > Integer.MAX_VALUE / 2) {
                throw new Rejected("number too large");
            }
        }
        return (int) value;
    }

    /** {@code length} characters from the current position. */
    String take(int length) {
        if (length <= 0 || length > text.length() - position) {
            throw new Rejected("identifier runs past the end");
        }
        String taken = text.substring(position, position + length);
        position += length;
        return taken;
    }

    int position() {
        return position;
    }

    String slice(int start, int end) {
        return text.substring(start, end);
    }

    /** Charges one unit of work. */
    void step() {
        if (--stepsLeft < 0) {
            throw new Rejected("work limit exceeded");
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
