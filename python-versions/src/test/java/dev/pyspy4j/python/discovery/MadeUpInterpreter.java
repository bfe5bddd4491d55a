// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.discovery;

import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.testing.FakeProcessMemory;

/**
 * The least that validates as an interpreter, for tests of where discovery looks rather than of any CPython layout:
 * an interpreter on a writable heap whose first thread points back at it, reached from a runtime global by a
 * pointer at {@link #SHAPE}'s offset.
 */
final class MadeUpInterpreter {
    static final long HEAP = 0x2000_0000L;
    static final long INTERPRETER = HEAP + 0x2000;
    static final long THREAD = HEAP + 0x3000;
    /** The interpreter pointer at 40 in the runtime, its thread list at 16, a thread's interpreter at 8. */
    static final InterpreterScan.Shape SHAPE = new InterpreterScan.Shape(40, 16, 8);

    private MadeUpInterpreter() {
    }

    /** The writable anonymous region the interpreter and its thread live in. */
    static MemoryRegion heap() {
        return new MemoryRegion(HEAP, HEAP + 0x10_0000, "rw-p", 0, "");
    }

    /** Places the interpreter and its thread in {@code memory}; the runtime's pointer to them is the caller's. */
    static FakeProcessMemory place(FakeProcessMemory memory) {
        return memory.putLong(INTERPRETER + SHAPE.threadsHead(), THREAD)
                .putLong(THREAD + SHAPE.threadInterp(), INTERPRETER);
    }
}
