// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.core;

/**
 * One thread of a core file, from its {@code NT_PRSTATUS} note.
 *
 * @param tid              the thread's OS id ({@code pr_pid})
 * @param signal           the signal it was stopped by ({@code pr_cursig}); 0 for none
 * @param generalRegisters the 27 values of x86_64's {@code struct user_regs_struct}, in its order
 */
public record CoreThread(long tid, int signal, long[] generalRegisters) {
    public CoreThread {
        generalRegisters = generalRegisters.clone();
    }

    @Override
    public long[] generalRegisters() {
        return generalRegisters.clone();
    }
}
