// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.nativestack.Registers;

/**
 * The general-purpose registers of an x64 {@code CONTEXT} that {@code GetThreadContext} wrote (Windows SDK
 * {@code winnt.h}, {@code _CONTEXT} for AMD64: six home words, {@code ContextFlags} at 0x30, segment registers,
 * {@code EFlags} 0x44, debug registers, then {@code Rax} 0x78, {@code Rcx} 0x80, {@code Rdx} 0x88, {@code Rbx} 0x90,
 * {@code Rsp} 0x98, {@code Rbp} 0xa0, {@code Rsi} 0xa8, {@code Rdi} 0xb0, {@code R8}-{@code R15} 0xb8-0xf0,
 * {@code Rip} 0xf8; 1232 bytes), in DWARF numbering.
 */
final class ThreadContext {
    static final int SIZE = 0x4d0;
    /** {@code CONTEXT_AMD64 | CONTEXT_CONTROL | CONTEXT_INTEGER}: rip, rsp, rbp and the integer registers. */
    static final int CONTROL_AND_INTEGER = 0x100003;
    static final int CONTEXT_FLAGS = 0x30;

    private static final int RAX = 0x78;
    private static final int RCX = 0x80;
    private static final int RDX = 0x88;
    private static final int RBX = 0x90;
    private static final int RSP = 0x98;
    private static final int RBP = 0xa0;
    private static final int RSI = 0xa8;
    private static final int RDI = 0xb0;
    private static final int R8 = 0xb8;
    private static final int RIP = 0xf8;

    private ThreadContext() {
    }

    static Registers decode(byte[] bytes) {
        StructBytes context = new StructBytes(bytes, "CONTEXT");
        if (context.size() < SIZE) {
            throw context.malformed(context.size() + " bytes, not " + SIZE);
        }
        long[] dwarf = new long[Registers.X86_64_COUNT];
        int[] offsets = {RAX, RDX, RCX, RBX, RSI, RDI, RBP, RSP};
        for (int number = 0; number < offsets.length; number++) {
            dwarf[number] = context.u64(offsets[number], "a register");
        }
        for (int r = 0; r < 8; r++) {
            dwarf[8 + r] = context.u64(R8 + 8L * r, "r" + (8 + r));
        }
        dwarf[Registers.X86_64_RIP] = context.u64(RIP, "Rip");
        return new Registers(TargetArch.X86_64, dwarf);
    }
}
