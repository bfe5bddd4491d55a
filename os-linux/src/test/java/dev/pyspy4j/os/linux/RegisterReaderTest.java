// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.nativestack.Registers;
import org.junit.jupiter.api.Test;

/** The renumbering of {@code user_regs_struct} into DWARF register numbers. */
class RegisterReaderTest {
    private static final String[] USER_REGS_ORDER = {"r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9",
        "r8", "rax", "rcx", "rdx", "rsi", "rdi", "orig_rax", "rip", "cs", "eflags", "rsp", "ss", "fs_base",
        "gs_base", "ds", "es", "fs", "gs"};
    private static final String[] DWARF_ORDER = {"rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp", "r8", "r9",
        "r10", "r11", "r12", "r13", "r14", "r15", "rip"};

    @Test
    void everyDwarfRegisterComesFromItsNamesakeInUserRegs() {
        long[] userRegs = new long[USER_REGS_ORDER.length];
        for (int i = 0; i < userRegs.length; i++) {
            userRegs[i] = 0x1000L + USER_REGS_ORDER[i].hashCode();
        }
        Registers registers = RegisterReader.toDwarf(userRegs);
        for (int number = 0; number < DWARF_ORDER.length; number++) {
            assertThat(registers.get(number)).as(DWARF_ORDER[number]).isEqualTo(0x1000L + DWARF_ORDER[number].hashCode());
        }
        assertThat(registers.instructionPointer()).isEqualTo(0x1000L + "rip".hashCode());
        assertThat(registers.stackPointer()).isEqualTo(0x1000L + "rsp".hashCode());
    }
}
