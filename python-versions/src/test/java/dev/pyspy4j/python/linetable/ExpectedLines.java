// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import java.util.List;

/**
 * The line {@link LineTable#lineAt} must give for each byte offset of a generated program, computed from the
 * program itself: the instruction's line, or for a "no line" instruction the closest preceding line, else
 * {@code co_firstlineno}; past the end, the last line.
 */
final class ExpectedLines {
    private ExpectedLines() {
    }

    static int[] perByte(int firstLine, List<Instruction> program) {
        int total = program.stream().mapToInt(Instruction::bytes).sum();
        int[] lines = new int[total];
        int offset = 0;
        int known = firstLine;
        for (Instruction instruction : program) {
            known = instruction.hasLine() ? instruction.line() : known;
            for (int i = 0; i < instruction.bytes(); i++) {
                lines[offset++] = known;
            }
        }
        return lines;
    }

    /** The line past the end of the program: the last known one. */
    static int afterEnd(int firstLine, List<Instruction> program) {
        int known = firstLine;
        for (Instruction instruction : program) {
            known = instruction.hasLine() ? instruction.line() : known;
        }
        return known;
    }
}
