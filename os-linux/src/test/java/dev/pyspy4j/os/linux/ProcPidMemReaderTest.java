// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.testing.ProcessMemoryContract;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code /proc/<pid>/mem} fallback reader, on this JVM's own memory. */
class ProcPidMemReaderTest extends ProcessMemoryContract {
    private final Memory content = new Memory(CONTENT.length);
    private final ProcPidMemReader memory = new ProcPidMemReader(ProcessHandle.current().pid());

    ProcPidMemReaderTest() {
        content.write(0, CONTENT, 0, CONTENT.length);
    }

    @AfterEach
    void release() {
        memory.close();
        content.close();
    }

    @Override
    protected ProcessMemory memoryUnderTest() {
        return memory;
    }

    @Override
    protected long contentAddress() {
        return Pointer.nativeValue(content);
    }

    @Override
    protected long unmappedAddress() {
        return 8;
    }

    @Test
    void kernelHalfAddressesAreUnreadable() {
        assertThatThrownBy(() -> memory.read(0xffff_ffff_ff60_0000L, ByteBuffer.allocate(8)))
                .isInstanceOf(SpyException.class)
                .hasMessageContaining("at 0xffffffffff600000");
    }
}
