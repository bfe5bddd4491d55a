// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static dev.pyspy4j.os.windows.WindowsTargetProcessTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.testing.ProcessMemoryContract;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** ReadProcessMemory behind the SPI's memory contract, and each failure mapped, on scripted call results. */
class WindowsProcessMemoryTest extends ProcessMemoryContract {
    private static final long PID = 31;
    private static final long CONTENT_ADDRESS = 0x7ff6_0000_1000L;

    private final ScriptedWindowsCalls calls = new ScriptedWindowsCalls(PID);
    private boolean alive = true;
    private final ProcessMemory memory;

    WindowsProcessMemoryTest() {
        calls.memory.put(CONTENT_ADDRESS, CONTENT.clone());
        memory = new WindowsProcessMemory(calls, calls.openProcess(0, PID), PID, () -> alive);
    }

    @Override
    protected ProcessMemory memoryUnderTest() {
        return memory;
    }

    @Override
    protected long contentAddress() {
        return CONTENT_ADDRESS;
    }

    @Override
    protected long unmappedAddress() {
        return 0x10;
    }

    @Test
    void aPartialCopyIsAMemoryReadNamingTheRange() {
        assertFailure(() -> memory.read(CONTENT_ADDRESS + 250, ByteBuffer.allocate(8)), FailureKind.MEMORY_READ,
                "cannot read 8 bytes at 0x7ff6000010fa in process 31");
    }

    @Test
    void aRefusedReadIsPermissionDenied() {
        calls.failNext("ReadProcessMemory",
                WindowsCallException.win32("ReadProcessMemory", WindowsErrors.ERROR_ACCESS_DENIED));

        assertFailure(() -> memory.readLong(CONTENT_ADDRESS), FailureKind.PERMISSION_DENIED,
                "permission denied reading process 31 (run as Administrator, or as the user who started it)");
    }

    @Test
    void aReadThatFailsAfterTheProcessExitedSaysSo() {
        alive = false;

        assertFailure(() -> memory.readInt(0x10), FailureKind.PROCESS_EXITED, "process 31 has exited");
    }

    @Test
    void anEmptyReadCallsNothing() {
        calls.log.clear();
        memory.read(0x10, ByteBuffer.allocate(0));

        assertThat(calls.log).isEmpty();
    }

    @Test
    void anotherErrorIsNamedWithItsCode() {
        calls.failNext("ReadProcessMemory", WindowsCallException.win32("ReadProcessMemory", 998));

        assertFailure(() -> memory.readInt(CONTENT_ADDRESS), FailureKind.MEMORY_READ,
                "cannot read 4 bytes at 0x7ff600001000 in process 31: ReadProcessMemory failed with error 998");
    }
}
