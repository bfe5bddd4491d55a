// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static dev.pyspy4j.os.windows.WindowsStructuresTest.assertMalformed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.nativestack.Registers;
import org.junit.jupiter.api.Test;

/** The x64 CONTEXT's integer and control registers, renumbered as DWARF numbers them. */
class ThreadContextTest {
    @Test
    void registersInDwarfOrder() {
        Registers registers = ThreadContext.decode(WindowsStructs.context(0xa, 0xb, 0xc, 0xd, 0x51, 0xd1,
                0x7ff0_0000_1000L, 0x7ff0_0000_0f00L, 0x80, 0x7ffa_1234_5678L));

        assertThat(registers.get(0)).isEqualTo(0xa);
        assertThat(registers.get(1)).isEqualTo(0xd);
        assertThat(registers.get(2)).isEqualTo(0xc);
        assertThat(registers.get(3)).isEqualTo(0xb);
        assertThat(registers.get(4)).isEqualTo(0x51);
        assertThat(registers.get(5)).isEqualTo(0xd1);
        assertThat(registers.framePointer()).isEqualTo(0x7ff0_0000_1000L);
        assertThat(registers.stackPointer()).isEqualTo(0x7ff0_0000_0f00L);
        for (int r = 8; r <= 15; r++) {
            assertThat(registers.get(r)).as("r%d", r).isEqualTo(0x80 + r - 8);
        }
        assertThat(registers.instructionPointer()).isEqualTo(0x7ffa_1234_5678L);
    }

    @Test
    void aShortContextIsMalformed() {
        assertMalformed(() -> ThreadContext.decode(new byte[0x100]), "malformed CONTEXT from Windows: 256 bytes, "
                + "not 1232");
    }
}
