// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProcessMemory} must do. An implementation's test extends this class and provides memory
 * holding {@link #CONTENT} at some address, and an address nothing is mapped at.
 */
public abstract class ProcessMemoryContract {
    /** 256 bytes with values 0..255, so every offset is recognisable. */
    protected static final byte[] CONTENT = new byte[256];

    static {
        for (int i = 0; i < CONTENT.length; i++) {
            CONTENT[i] = (byte) i;
        }
    }

    private ProcessMemory memory;
    private long base;

    /** Memory of which {@code CONTENT.length} bytes at {@link #contentAddress()} equal {@link #CONTENT}. */
    protected abstract ProcessMemory memoryUnderTest();

    protected abstract long contentAddress();

    /** An address at which nothing is mapped. */
    protected abstract long unmappedAddress();

    @BeforeEach
    void setUpContract() {
        memory = memoryUnderTest();
        base = contentAddress();
    }

    @Test
    void readsExactBytesIntoTheRemainingPartOfTheBuffer() {
        ByteBuffer buffer = ByteBuffer.allocate(20);
        buffer.position(4).limit(14);
        memory.read(base + 100, buffer);
        assertThat(buffer.position()).isEqualTo(4);
        assertThat(buffer.limit()).isEqualTo(14);
        for (int i = 0; i < 10; i++) {
            assertThat(buffer.get(4 + i)).isEqualTo((byte) (100 + i));
        }
        ByteBuffer whole = buffer.duplicate().clear();
        assertThat(whole.get(0)).isZero();
        assertThat(whole.get(14)).isZero();
    }

    @Test
    void readsIntoDirectBuffers() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64);
        memory.read(base + 3, buffer);
        assertThat(buffer.get(0)).isEqualTo((byte) 3);
        assertThat(buffer.get(63)).isEqualTo((byte) 66);
    }

    @Test
    void readsLittleEndianNumbers() {
        ByteBuffer expected = ByteBuffer.wrap(CONTENT).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(memory.readLong(base + 8)).isEqualTo(expected.getLong(8));
        assertThat(memory.readInt(base + 20)).isEqualTo(expected.getInt(20));
    }

    @Test
    void batchedReadsFillEveryTarget() {
        ByteBuffer first = ByteBuffer.allocate(16);
        ByteBuffer second = ByteBuffer.allocateDirect(32);
        ByteBuffer third = ByteBuffer.allocate(1);
        memory.readAll(List.of(new ReadRequest(base, first), new ReadRequest(base + 200, second),
                new ReadRequest(base + 255, third)));
        assertThat(first.get(15)).isEqualTo((byte) 15);
        assertThat(second.get(0)).isEqualTo((byte) 200);
        assertThat(second.get(31)).isEqualTo((byte) 231);
        assertThat(third.get(0)).isEqualTo((byte) 255);
    }

    @Test
    void emptyReadsSucceed() {
        memory.read(base, ByteBuffer.allocate(0));
        memory.readAll(List.of());
    }

    @Test
    void unmappedMemoryFailsAsMemoryRead() {
        assertThatThrownBy(() -> memory.read(unmappedAddress(), ByteBuffer.allocate(8)))
                .isInstanceOf(SpyException.class)
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.MEMORY_READ);
    }

    @Test
    void aBatchWithOneUnmappedRangeFails() {
        List<ReadRequest> requests = List.of(new ReadRequest(base, ByteBuffer.allocate(8)),
                new ReadRequest(unmappedAddress(), ByteBuffer.allocate(8)));
        assertThatThrownBy(() -> memory.readAll(requests))
                .isInstanceOf(SpyException.class)
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.MEMORY_READ);
    }
}
