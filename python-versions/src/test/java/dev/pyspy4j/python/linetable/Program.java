// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import java.util.List;

/** A generated code object: its {@code co_firstlineno} and its runs of bytecode with their locations. */
record Program(int firstLine, List<Instruction> instructions) {
    int[] expectedLinePerByte() {
        return ExpectedLines.perByte(firstLine, instructions);
    }

    int expectedLineAfterEnd() {
        return ExpectedLines.afterEnd(firstLine, instructions);
    }
}
