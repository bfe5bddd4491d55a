// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.dwarf;

import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.unwinders.stack.StackMemory;
import java.util.Arrays;

/**
 * The x86_64 signal return trampoline ({@code __restore_rt} in glibc and musl): a signal handler returns into
 * {@code mov $15, %rax; syscall} ({@code rt_sigreturn}), and at that point the stack pointer points at the
 * {@code ucontext_t} the kernel saved, whose {@code uc_mcontext.gregs} hold the interrupted thread's registers.
 */
final class SignalTrampoline {
    /** {@code 48 c7 c0 0f 00 00 00 0f 05}: {@code mov $0xf,%rax; syscall}. */
    static final byte[] CODE = {0x48, (byte) 0xc7, (byte) 0xc0, 0x0f, 0x00, 0x00, 0x00, 0x0f, 0x05};

    /**
     * Where {@code uc_mcontext.gregs} starts in {@code ucontext_t}: after {@code uc_flags} (8), {@code uc_link} (8)
     * and {@code uc_stack} (a {@code stack_t} of 24 bytes).
     */
    private static final int GREGS_OFFSET = 40;

    /**
     * For each DWARF register number 0-16, its index in {@code gregs} (sys/ucontext.h: REG_R8 0 ... REG_R15 7,
     * REG_RDI 8, REG_RSI 9, REG_RBP 10, REG_RBX 11, REG_RDX 12, REG_RAX 13, REG_RCX 14, REG_RSP 15, REG_RIP 16).
     */
    private static final int[] GREGS_INDEX_OF_DWARF = {13, 12, 14, 11, 9, 8, 10, 15, 0, 1, 2, 3, 4, 5, 6, 7, 16};

    private SignalTrampoline() {
    }

    static boolean isTrampoline(byte[] code) {
        return Arrays.equals(code, CODE);
    }

    /** The registers the kernel saved when the signal interrupted the thread, read from the ucontext at {@code sp}. */
    static Registers interruptedRegisters(StackMemory stack, long sp) {
        long[] values = new long[Registers.X86_64_COUNT];
        for (int number = 0; number < values.length; number++) {
            values[number] = stack.readLong(sp + GREGS_OFFSET + 8L * GREGS_INDEX_OF_DWARF[number]);
        }
        return new Registers(TargetArch.X86_64, values);
    }
}
