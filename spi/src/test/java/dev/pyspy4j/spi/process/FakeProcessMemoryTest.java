// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import dev.pyspy4j.spi.testing.ProcessMemoryContract;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FakeProcessMemoryTest extends ProcessMemoryContract {
    private static final long BASE = 0x7f00_0000_1000L;

    @Override
    protected ProcessMemory memoryUnderTest() {
        return new FakeProcessMemory().put(BASE, CONTENT);
    }

    @Override
    protected long contentAddress() {
        return BASE;
    }

    @Override
    protected long unmappedAddress() {
        return 0x10;
    }

    @Test
    void readsSpanningAdjacentSegments() {
        FakeProcessMemory memory = new FakeProcessMemory().put(100, new byte[] {1, 2}).put(102, new byte[] {3});
        ByteBuffer buffer = ByteBuffer.allocate(3);
        memory.read(100, buffer);
        assertThat(buffer.array()).containsExactly(1, 2, 3);
    }

    @Test
    void aGapBetweenSegmentsFails() {
        FakeProcessMemory memory = new FakeProcessMemory().put(100, new byte[] {1}).put(102, new byte[] {3});
        assertThatThrownBy(() -> memory.read(100, ByteBuffer.allocate(3))).hasMessageContaining("0x65");
    }

    @Test
    void overlappingSegmentsAreRejected() {
        FakeProcessMemory memory = new FakeProcessMemory().put(100, new byte[8]);
        assertThatThrownBy(() -> memory.put(104, new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void structBuilderPlacesFieldsLittleEndian() {
        FakeProcessMemory memory = new FakeProcessMemory().struct(0x1000, 16).putLong(0, 42).putInt(8, 7).place();
        assertThat(memory.readLong(0x1000)).isEqualTo(42);
        assertThat(memory.readInt(0x1008)).isEqualTo(7);
        assertThat(memory.readCalls()).isEqualTo(2);
    }

    @Test
    void missedReadsAreRememberedAndTheirGapsCanBeFilledWithZeros() {
        FakeProcessMemory memory = new FakeProcessMemory().put(100, new byte[] {1, 2}).put(104, new byte[] {5})
                .rememberMisses();

        assertThatThrownBy(() -> memory.read(98, ByteBuffer.allocate(10))).isInstanceOf(SpyException.class);
        assertThat(memory.misses()).containsExactly(new long[] {98, 10});

        memory.fillGapsWithZeros(98, 10);
        ByteBuffer buffer = ByteBuffer.allocate(10);
        memory.read(98, buffer);
        assertThat(buffer.array()).containsExactly(0, 0, 1, 2, 0, 0, 5, 0, 0, 0);
    }
}
