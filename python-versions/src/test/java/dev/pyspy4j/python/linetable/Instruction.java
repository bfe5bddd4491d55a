// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

/**
 * One run of bytecode in a generated program: its length in bytes and its source location; {@code line} is -1
 * for "no line" (3.10+), and the other fields matter only to the 3.11+ location table (-1 = unknown).
 */
record Instruction(int bytes, int line, int endLine, int column, int endColumn) {
    static final int NO_LINE = -1;

    static Instruction of(int bytes, int line) {
        return new Instruction(bytes, line, line, NO_LINE, NO_LINE);
    }

    boolean hasLine() {
        return line != NO_LINE;
    }
}
