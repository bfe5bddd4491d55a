// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Finding the kernel thread id inside fake {@code struct pthread} blocks. */
class PthreadThreadIdsTest {
    private static final long FIRST = 0x7f00_0000_1000L;
    private static final long SECOND = 0x7f00_0000_9000L;
    private static final int TID_OFFSET = 0x2d0;

    private final AtomicInteger threadListings = new AtomicInteger();

    @Test
    void findsTheOffsetAtWhichEveryBlockHoldsADistinctLiveThreadId() {
        FakeProcessMemory memory = new FakeProcessMemory()
                .put(FIRST, block(ByteOrder.LITTLE_ENDIAN, 4001))
                .put(SECOND, block(ByteOrder.LITTLE_ENDIAN, 4002));
        PthreadThreadIds ids = new PthreadThreadIds(memory, threads(4001, 4002, 4003), ByteOrder.LITTLE_ENDIAN);

        assertThat(ids.resolve(List.of(FIRST, SECOND))).isEqualTo(Map.of(FIRST, 4001L, SECOND, 4002L));
        assertThat(ids.offset()).isEqualTo(TID_OFFSET);
    }

    @Test
    void readsThreadIdsInTheTargetsByteOrder() {
        FakeProcessMemory memory = new FakeProcessMemory()
                .put(FIRST, block(ByteOrder.BIG_ENDIAN, 4001))
                .put(SECOND, block(ByteOrder.BIG_ENDIAN, 4002));
        PthreadThreadIds ids = new PthreadThreadIds(memory, threads(4001, 4002), ByteOrder.BIG_ENDIAN);

        assertThat(ids.resolve(List.of(FIRST, SECOND))).isEqualTo(Map.of(FIRST, 4001L, SECOND, 4002L));
    }

    @Test
    void keepsTheOffsetAndListsThreadsOnlyOnce() {
        FakeProcessMemory memory = new FakeProcessMemory()
                .put(FIRST, block(ByteOrder.LITTLE_ENDIAN, 4001))
                .put(SECOND, block(ByteOrder.LITTLE_ENDIAN, 4002));
        PthreadThreadIds ids = new PthreadThreadIds(memory, threads(4001, 4002), ByteOrder.LITTLE_ENDIAN);
        ids.resolve(List.of(FIRST, SECOND));

        assertThat(ids.resolve(List.of(SECOND))).isEqualTo(Map.of(SECOND, 4002L));
        assertThat(threadListings).hasValue(1);
    }

    @Test
    void givesUpOnBlocksThatHoldNoLiveThreadId() {
        FakeProcessMemory memory = new FakeProcessMemory()
                .put(FIRST, block(ByteOrder.LITTLE_ENDIAN, 4001))
                .put(SECOND, block(ByteOrder.LITTLE_ENDIAN, 4001));
        PthreadThreadIds ids = new PthreadThreadIds(memory, threads(4001, 4002), ByteOrder.LITTLE_ENDIAN);

        assertThat(ids.resolve(List.of(FIRST, SECOND))).isEmpty();
        assertThat(ids.resolve(List.of(FIRST))).isEmpty();
        assertThat(threadListings).hasValue(1);
    }

    @Test
    void leavesOutHandlesThatCannotBeRead() {
        PthreadThreadIds ids = new PthreadThreadIds(new FakeProcessMemory(), threads(4001), ByteOrder.LITTLE_ENDIAN);

        assertThat(ids.resolve(List.of(FIRST))).isEmpty();
    }

    /** A control block of zeros with the thread id at the offset glibc uses on x86_64. */
    private static byte[] block(ByteOrder order, int tid) {
        return ByteBuffer.allocate(PthreadThreadIds.SCAN_BYTES).order(order).putInt(TID_OFFSET, tid).array();
    }

    private Supplier<List<NativeThread>> threads(long... tids) {
        return () -> {
            threadListings.incrementAndGet();
            return java.util.Arrays.stream(tids).mapToObj(tid -> new NativeThread(tid, "t" + tid)).toList();
        };
    }
}
