// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.cfi;

/** What a DWARF expression may read: the registers of the frame being unwound, and the target's memory. */
public interface ExpressionContext {
    /**
     * The value of DWARF register {@code number}.
     *
     * @throws dev.pyspy4j.spi.SpyException MALFORMED_INPUT when the register is not known in this frame
     */
    long register(int number);

    /**
     * Reads {@code size} (1, 2, 4 or 8) bytes at {@code address}, zero-extended.
     *
     * @throws dev.pyspy4j.spi.SpyException MEMORY_READ when the memory cannot be read
     */
    long memory(long address, int size);
}
