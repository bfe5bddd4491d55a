// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.kinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.nativestack.Registers;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AmdRegistersTest {
    @Test
    void everyRegisterLandsAtItsDwarfNumber() {
        long[] dwarf = LongStream.range(0, Registers.X86_64_COUNT).map(n -> 0x1000 + n).toArray();
        Registers registers = AmdRegisters.decode(KinfoBytes.amdRegisters(dwarf), "regs");
        assertThat(registers.toArray()).containsExactly(dwarf);
        assertThat(registers.instructionPointer()).isEqualTo(0x1010);
        assertThat(registers.stackPointer()).isEqualTo(0x1007);
        assertThat(registers.framePointer()).isEqualTo(0x1006);
    }

    @Test
    void shortStructIsMalformed() {
        assertThatThrownBy(() -> AmdRegisters.decode(new byte[100], "registers of thread 7"))
                .hasMessage("malformed registers of thread 7: 100 bytes, a struct reg has 176");
    }
}
