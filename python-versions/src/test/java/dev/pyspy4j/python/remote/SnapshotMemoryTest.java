// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotMemoryTest {
    private final FakeProcessMemory target = new FakeProcessMemory();
    private final CountingMemory live = new CountingMemory(target);
    private final SnapshotMemory snapshot = new SnapshotMemory(live);

    @Test
    void servesReadsInsideACopyWithoutAskingTheProcess() {
        target.put(0x1000, filled(64, 1));
        snapshot.copy(0x1000, 64);

        assertThat(read(0x1010, 8)).containsOnly(1);
        assertThat(live.reads).isEqualTo(1);
        assertThat(snapshot.isCopied(0x1000, 64)).isTrue();
        assertThat(snapshot.isCopied(0x1000, 65)).isFalse();
    }

    @Test
    void theNextSampleCopiesWhatThisOneReadInOneBatch() {
        target.put(0x1000, filled(64, 1)).put(0x9000, filled(16, 2));
        snapshot.copy(0x1000, 64);
        read(0x9000, 16);

        assertThat(snapshot.prefetch(snapshot.plan())).isTrue();
        live.reads = 0;
        assertThat(read(0x1020, 4)).containsOnly(1);
        assertThat(read(0x9000, 16)).containsOnly(2);

        assertThat(live.reads).isZero();
        assertThat(live.batches).isEqualTo(1);
    }

    @Test
    void twoMoreReadsAroundThePlanComeWithItsBatchAndAreNotCopies() {
        target.put(0x1000, filled(64, 1)).put(0x5000, filled(8, 3)).put(0x9000, filled(8, 4));
        snapshot.copy(0x1000, 64);
        SnapshotMemory.ReadPlan plan = snapshot.plan();
        ReadRequest first = new ReadRequest(0x5000, ByteBuffer.allocate(8));
        ReadRequest last = new ReadRequest(0x5000, ByteBuffer.allocate(8));
        live.reads = 0;

        assertThat(snapshot.prefetch(plan, first, last)).isTrue();

        assertThat(live.batches).isEqualTo(1);
        assertThat(live.batchedAddresses).containsExactly(0x5000L, 0x1000L, 0x5000L);
        assertThat(first.target().array()).containsOnly(3);
        assertThat(last.target().array()).containsOnly(3);
        assertThat(snapshot.isCopied(0x5000, 8)).isFalse();
        assertThat(read(0x1000, 64)).containsOnly(1);
        assertThat(snapshot.liveReads()).as("everything read came with the batch").isZero();
        read(0x9000, 8);
        assertThat(snapshot.liveReads()).isEqualTo(1);
        assertThat(live.reads).isEqualTo(1);
    }

    @Test
    void aBatchWithAnUnreadableRangeReadsNeitherLook() {
        target.put(0x5000, filled(8, 3));
        SnapshotMemory.ReadPlan gone = new SnapshotMemory.ReadPlan(new long[] {0x7000}, new int[] {8});

        assertThat(snapshot.prefetch(gone, new ReadRequest(0x5000, ByteBuffer.allocate(8)),
                new ReadRequest(0x5000, ByteBuffer.allocate(8)))).isFalse();
        assertThat(snapshot.prefetch(SnapshotMemory.ReadPlan.EMPTY, new ReadRequest(0x5000, ByteBuffer.allocate(8)),
                new ReadRequest(0x5000, ByteBuffer.allocate(8)))).as("an empty plan still reads both").isTrue();
        assertThat(live.batches).isEqualTo(2);
    }

    @Test
    void eachSampleSeesTheBytesTheProcessHoldsThen() {
        target.put(0x1000, filled(64, 1));
        snapshot.copy(0x1000, 64);
        SnapshotMemory.ReadPlan plan = snapshot.plan();

        live.memory = new FakeProcessMemory().put(0x1000, filled(64, 7));
        assertThat(snapshot.prefetch(plan)).isTrue();

        assertThat(read(0x1000, 64)).containsOnly(7);
    }

    @Test
    void anUnchangedWalkHandsOutTheSamePlanAgain() {
        target.put(0x1000, filled(64, 1)).put(0x2000, filled(64, 1));
        snapshot.copy(0x1000, 64);
        snapshot.copy(0x2000, 32);
        SnapshotMemory.ReadPlan first = snapshot.plan();

        snapshot.prefetch(first);
        read(0x1000, 8);
        read(0x2000, 8);

        assertThat(snapshot.plan()).isSameAs(first);
        assertThat(first.addresses()).containsExactly(0x1000, 0x2000);
        assertThat(first.lengths()).containsExactly(64, 32);
    }

    @Test
    void rangesTheWalkNoLongerUsesLeaveThePlan() {
        target.put(0x1000, filled(64, 1)).put(0x2000, filled(64, 1));
        snapshot.copy(0x1000, 64);
        snapshot.copy(0x2000, 64);

        snapshot.prefetch(snapshot.plan());
        read(0x2000, 8);

        assertThat(snapshot.plan().addresses()).containsExactly(0x2000);
    }

    @Test
    void aPlanThatCannotBeReadAnyMoreKeepsNothingAndTheWalkReadsLive() {
        target.put(0x1000, filled(64, 1));
        SnapshotMemory.ReadPlan gone = new SnapshotMemory.ReadPlan(new long[] {0x1000, 0x5000}, new int[] {64, 8});

        assertThat(snapshot.prefetch(gone)).isFalse();

        assertThat(snapshot.isCopied(0x1000, 8)).isFalse();
        assertThat(read(0x1000, 8)).containsOnly(1);
        assertThat(snapshot.plan().addresses()).containsExactly(0x1000);
    }

    @Test
    void copiesMadeBeforeTheArenaGrewStayIntact() {
        target.put(0x1000, filled(100, 3)).put(0x100000, filled(200_000, 4));
        snapshot.copy(0x1000, 100);
        snapshot.copy(0x100000, 200_000);

        assertThat(read(0x1000, 100)).containsOnly(3);
        assertThat(read(0x100000 + 199_992, 8)).containsOnly(4);
    }

    @Test
    void aLongerCopyAtTheSameAddressReplacesTheShorterOne() {
        target.put(0x1000, filled(128, 5));
        snapshot.copy(0x1000, 16);
        snapshot.copy(0x1000, 128);

        assertThat(snapshot.isCopied(0x1000, 128)).isTrue();
        assertThat(snapshot.plan().lengths()).containsExactly(128);
    }

    private byte[] read(long address, int length) {
        byte[] bytes = new byte[length];
        snapshot.read(address, ByteBuffer.wrap(bytes));
        return bytes;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** Counts single reads and batched reads apart; the memory behind can be replaced, as a process changes it. */
    private static final class CountingMemory implements ProcessMemory {
        ProcessMemory memory;
        int reads;
        int batches;
        final List<Long> batchedAddresses = new ArrayList<>();

        CountingMemory(ProcessMemory memory) {
            this.memory = memory;
        }

        @Override
        public void read(long address, ByteBuffer dst) {
            reads++;
            memory.read(address, dst);
        }

        @Override
        public void readAll(List<ReadRequest> requests) {
            batches++;
            for (ReadRequest request : requests) {
                batchedAddresses.add(request.address());
                memory.read(request.address(), request.target());
            }
        }
    }
}
