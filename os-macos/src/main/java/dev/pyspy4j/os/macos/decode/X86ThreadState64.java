// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.decode;

import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.nativestack.Registers;
import java.nio.ByteBuffer;

/**
 * {@code struct __darwin_x86_thread_state64} ({@code _STRUCT_X86_THREAD_STATE64}, xnu's
 * {@code osfmk/mach/i386/_structs.h}): 21 {@code __uint64_t} in the order rax, rbx, rcx, rdx, rdi, rsi, rbp, rsp,
 * r8-r15, rip, rflags, cs, fs, gs (168 bytes, {@code x86_THREAD_STATE64_COUNT} = 42 words), reordered here into the
 * DWARF numbering of {@link Registers}.
 */
public final class X86ThreadState64 {
    /** {@code x86_THREAD_STATE64} of {@code osfmk/mach/i386/thread_status.h}. */
    public static final int FLAVOR = 4;
    public static final int COUNT = 42;
    public static final int SIZE = COUNT * 4;
    /** For each DWARF number (0 rax, 1 rdx, 2 rcx, 3 rbx, 4 rsi, 5 rdi, 6 rbp, 7 rsp, 8-15, 16 rip) its struct slot. */
    private static final int[] SLOT_OF_DWARF = {0, 3, 2, 1, 5, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    private X86ThreadState64() {
    }

    public static Registers decode(byte[] bytes) {
        ByteBuffer buffer = StructBytes.of(bytes, SIZE, "x86_thread_state64");
        long[] dwarf = new long[Registers.X86_64_COUNT];
        for (int number = 0; number < dwarf.length; number++) {
            dwarf[number] = buffer.getLong(SLOT_OF_DWARF[number] * 8);
        }
        return new Registers(TargetArch.X86_64, dwarf);
    }
}
