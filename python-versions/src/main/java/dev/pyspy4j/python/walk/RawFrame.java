// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

/**
 * One frame as copied from the target, before names and lines are resolved.
 *
 * @param address      the frame's address (its locals follow it)
 * @param code         the code object's address
 * @param instruction  the instruction pointer ({@code prev_instr}/{@code instr_ptr}) or, before 3.11, the byte
 *                     offset {@code f_lasti} already converted to bytes
 * @param entry        the first frame run by one C-level call of the eval loop
 * @param entryRecord  the address of the shim the eval loop pushed below this frame (on its C stack, 3.12+), or 0
 */
public record RawFrame(long address, long code, long instruction, boolean entry, long entryRecord) {
    /** A frame with no shim below it. */
    public RawFrame(long address, long code, long instruction, boolean entry) {
        this(address, code, instruction, entry, 0);
    }
}
