// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stacks copied from a running target (3.10 layout) are checked against a second look at the target, copied again
 * once when the thread changed them meanwhile, and given up as torn when they changed again.
 */
class RunningThreadRecheckTest {
    private static final long INTERPRETER = 0x1000;
    private static final long THREAD_STATE = 0x2000;
    private static final long FIRST_FRAME = 0x5000_0000L;
    private static final long FRAME_SPACING = 0x200;
    private static final long CODE_A = 0x6000_0000L;
    private static final long CODE_B = 0x7000_0000L;
    private static final int DEPTH = 3;

    private final StructLayouts t = StructLayouts.load(TargetArch.X86_64, "3.10");
    private final ChangingTarget target = new ChangingTarget();
    private final ThreadStateCollector collector = new ThreadStateCollector(ThreadLayout.classic(t),
            new FrameObjectCollector(t, 2, new DepthLimit(100, 1000)), GilLocator.UNKNOWN);

    /**
     * The memory of a target whose thread runs, as 8-byte words (0 where nothing was written): before each batched
     * read, the next change (if any) happens.
     */
    private static final class ChangingTarget implements ProcessMemory {
        private final Map<Long, Long> words = new HashMap<>();
        private final Deque<Runnable> changes = new ArrayDeque<>();
        private int batches;

        void putLong(long address, long value) {
            words.put(address, value);
        }

        @Override
        public void read(long address, ByteBuffer dst) {
            for (int i = 0; i < dst.remaining(); i++) {
                long at = address + i;
                long word = words.getOrDefault(at & ~7L, 0L);
                dst.put(dst.position() + i, (byte) (word >>> (8 * (at & 7))));
            }
        }

        @Override
        public void readAll(List<ReadRequest> requests) {
            batches++;
            Runnable change = changes.poll();
            if (change != null) {
                change.run();
            }
            ProcessMemory.super.readAll(requests);
        }
    }

    RunningThreadRecheckTest() {
        target.putLong(INTERPRETER + t.offset("PyInterpreterState.tstate_head"), THREAD_STATE);
        target.putLong(THREAD_STATE + t.offset("PyThreadState.interp"), INTERPRETER);
        target.putLong(THREAD_STATE + t.offset("PyThreadState.thread_id"), 7);
        target.putLong(THREAD_STATE + t.offset("PyThreadState.frame"), FIRST_FRAME);
        for (int i = 0; i < DEPTH; i++) {
            frame(i, CODE_A + i, i + 1 < DEPTH ? frameAddress(i + 1) : 0);
        }
    }

    private void frame(int index, long code, long back) {
        target.putLong(frameAddress(index) + t.offset("PyFrameObject.f_back"), back);
        target.putLong(frameAddress(index) + t.offset("PyFrameObject.f_code"), code);
    }

    private static long frameAddress(int index) {
        return FIRST_FRAME + index * FRAME_SPACING;
    }

    private List<Long> codes(boolean paused) {
        RawSample sample = collector.collect(new RemoteReader(target, TargetArch.X86_64), INTERPRETER, false,
                paused);
        return sample.threads().get(0).frames().stream().map(RawFrame::code).toList();
    }

    @Test
    void aStackThatDidNotChangeIsKeptAfterOneBatchedSecondLook() {
        assertThat(codes(false)).containsExactly(CODE_A, CODE_A + 1, CODE_A + 2);
        assertThat(target.batches).isEqualTo(1);
    }

    @Test
    void aStackTornWhileCopiedIsCopiedAgainOnceItsThreadFinishedTheChange() {
        // Copied half way through a switch: the outermost frame still runs the other chain's code.
        frame(2, CODE_B + 2, 0);
        target.changes.add(() -> frame(2, CODE_A + 2, 0));

        assertThat(codes(false)).containsExactly(CODE_A, CODE_A + 1, CODE_A + 2);
        assertThat(target.batches).isEqualTo(2);
    }

    @Test
    void aThreadThatReturnedWhileItWasCopiedIsCopiedAgainFromItsNewCurrentFrame() {
        target.changes.add(() -> target.putLong(THREAD_STATE + t.offset("PyThreadState.frame"), frameAddress(1)));

        assertThat(codes(false)).containsExactly(CODE_A + 1, CODE_A + 2);
    }

    @Test
    void aChainThatNoLongerEndsWhereItEndedIsCopiedAgain() {
        target.changes.add(() -> {
            frame(2, CODE_A + 2, frameAddress(3));
            frame(3, CODE_A + 3, 0);
        });

        assertThat(codes(false)).containsExactly(CODE_A, CODE_A + 1, CODE_A + 2, CODE_A + 3);
    }

    @Test
    void aStackThatChangesAgainWhileCopiedAgainIsTornAndNotShown() {
        target.changes.add(() -> frame(2, CODE_B + 2, 0));
        target.changes.add(() -> frame(2, CODE_A + 2, 0));

        assertThatThrownBy(() -> codes(false)).isInstanceOf(TornSampleException.class)
                .hasMessageContaining("changed while it was read, twice");
    }

    @Test
    void aPausedTargetIsNotLookedAtTwice() {
        target.changes.add(() -> frame(2, CODE_B + 2, 0));

        assertThat(codes(true)).containsExactly(CODE_A, CODE_A + 1, CODE_A + 2);
        assertThat(target.batches).isZero();
    }
}
