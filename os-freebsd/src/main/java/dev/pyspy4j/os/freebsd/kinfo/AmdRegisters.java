// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.kinfo;

import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.nativestack.Registers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes PT_GETREGS' {@code struct reg} of amd64 (sys/x86/include/reg.h, {@code struct __reg64}): fifteen 64-bit
 * registers r15, r14, r13, r12, r11, r10, r9, r8, rdi, rsi, rbp, rbx, rdx, rcx, rax at offsets 0 to 112, then
 * r_trapno, r_fs, r_gs, r_err, r_es, r_ds (16 bytes in all), then r_rip 136, r_cs 144, r_rflags 152, r_rsp 160,
 * r_ss 168; 176 bytes.
 */
public final class AmdRegisters {
    public static final int SIZE = 176;
    /** The offset in {@code struct reg} of each DWARF register, by DWARF number (rax, rdx, rcx, rbx, rsi, ...). */
    private static final int[] OFFSET_OF_DWARF = {
        112, 96, 104, 88, 72, 64, 80, 160, // rax rdx rcx rbx rsi rdi rbp rsp
        56, 48, 40, 32, 24, 16, 8, 0,      // r8 .. r15
        136,                               // rip
    };

    private AmdRegisters() {
    }

    public static Registers decode(byte[] bytes, String what) {
        if (bytes.length < SIZE) {
            throw MalformedRecords.of(what, bytes.length + " bytes, a struct reg has " + SIZE);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long[] values = new long[Registers.X86_64_COUNT];
        for (int dwarf = 0; dwarf < values.length; dwarf++) {
            values[dwarf] = buffer.getLong(OFFSET_OF_DWARF[dwarf]);
        }
        return new Registers(TargetArch.X86_64, values);
    }
}
