// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Words read in the target architecture's byte order and pointer size. */
class RemoteReaderTest {
    private static final long ADDRESS = 0x7f00_0000_1000L;
    private static final TargetArch BIG_ENDIAN_64 = new TargetArch("s390x", 8, ByteOrder.BIG_ENDIAN);
    private static final TargetArch BIG_ENDIAN_32 = new TargetArch("ppc", 4, ByteOrder.BIG_ENDIAN);
    private static final TargetArch LITTLE_ENDIAN_32 = new TargetArch("i686", 4, ByteOrder.LITTLE_ENDIAN);

    @Test
    void readsLittleEndianPointersOnX8664() {
        RemoteReader reader = reader(TargetArch.X86_64, bytes(ByteOrder.LITTLE_ENDIAN, 0x0000_7f12_3456_7890L));

        assertThat(reader.pointer(ADDRESS)).isEqualTo(0x0000_7f12_3456_7890L);
        assertThat(reader.pointerSize()).isEqualTo(8);
    }

    @Test
    void readsBigEndianPointersOnABigEndianTarget() {
        RemoteReader reader = reader(BIG_ENDIAN_64, bytes(ByteOrder.BIG_ENDIAN, 0x0000_03ff_8000_1230L));

        assertThat(reader.pointer(ADDRESS)).isEqualTo(0x0000_03ff_8000_1230L);
        assertThat(reader.int32(ADDRESS + 4)).isEqualTo(0x8000_1230);
    }

    @Test
    void fillsStructsInTheTargetsByteOrder() {
        RemoteReader reader = reader(BIG_ENDIAN_64, bytes(ByteOrder.BIG_ENDIAN, 0x0102_0304_0506_0708L));

        ByteBuffer struct = reader.struct(ADDRESS, 8);

        assertThat(struct.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(struct.getLong(0)).isEqualTo(0x0102_0304_0506_0708L);
        assertThat(reader.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
    }

    @Test
    void readsFourBytePointersZeroExtendedWithoutTouchingTheNextWord() {
        byte[] pointerThenGarbage = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN)
                .putInt(0, 0xbf80_1000).putInt(4, 0xdead_beef).array();
        RemoteReader reader = reader(BIG_ENDIAN_32, pointerThenGarbage);

        assertThat(reader.pointer(ADDRESS)).isEqualTo(0xbf80_1000L);
        assertThat(reader.pointerSize()).isEqualTo(4);
    }

    @Test
    void readsOnlyTheFourBytesOfAPointerOnA32BitTarget() {
        // Four mapped bytes and nothing after them: an 8-byte read would fail as unmapped.
        byte[] pointer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0x0804_9000).array();
        RemoteReader reader = reader(LITTLE_ENDIAN_32, pointer);

        assertThat(reader.pointer(ADDRESS)).isEqualTo(0x0804_9000L);
    }

    private static RemoteReader reader(TargetArch arch, byte[] bytes) {
        return new RemoteReader(new FakeProcessMemory().put(ADDRESS, bytes), arch);
    }

    private static byte[] bytes(ByteOrder order, long value) {
        return ByteBuffer.allocate(8).order(order).putLong(0, value).array();
    }
}
