// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.testing.ProcessMemoryContract;
import org.junit.jupiter.api.AfterEach;

/** The SPI's contract of every ProcessMemory, met by mach_vm_read_overwrite reads of scripted memory. */
class MachProcessMemoryContractTest extends ProcessMemoryContract {
    private static final long CONTENT_ADDRESS = 0x1_0000_4000L;
    private final ScriptedMacCalls calls = ScriptedTargets.rootAndPython();
    private MacTargetProcess target;

    @Override
    protected ProcessMemory memoryUnderTest() {
        calls.bytes(CONTENT_ADDRESS, CONTENT.clone());
        target = ScriptedTargets.attach(calls);
        return target.memory();
    }

    @Override
    protected long contentAddress() {
        return CONTENT_ADDRESS;
    }

    @Override
    protected long unmappedAddress() {
        return 0x7_0000_0000L;
    }

    @AfterEach
    void closeTheTarget() {
        target.close();
        assertThat(calls.leakedPorts()).isEmpty();
    }
}
