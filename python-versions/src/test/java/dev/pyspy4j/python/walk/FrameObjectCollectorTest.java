// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.python.layout.StructLayouts;
import dev.pyspy4j.python.remote.RemoteReader;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.testing.FakeProcessMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code PyFrameObject} chain walk (3.10 layout) on stacks deeper than its cap, and on looping chains. */
class FrameObjectCollectorTest {
    private static final long FIRST_FRAME = 0x5000_0000L;
    private static final long FRAME_SPACING = 0x200;
    private static final long CODE_BASE = 0x6000_0000L;

    private final StructLayouts t = StructLayouts.load(TargetArch.X86_64, "3.10");
    private final FakeProcessMemory memory = new FakeProcessMemory();

    private ByteBuffer threadWithFrames(int depth) {
        return threadWithFrames(depth, 0);
    }

    /**
     * A chain of {@code depth} frames, leaf first at {@link #FIRST_FRAME}, frame i running code {@code CODE_BASE+i};
     * the outermost links to {@code outermostBack} (0: the chain ends).
     */
    private ByteBuffer threadWithFrames(int depth, long outermostBack) {
        int size = Math.max(t.offset("PyFrameObject.f_back"),
                Math.max(t.offset("PyFrameObject.f_code"), t.offset("PyFrameObject.f_lasti"))) + 8;
        for (int i = 0; i < depth; i++) {
            long next = i + 1 < depth ? frameAddress(i + 1) : outermostBack;
            memory.struct(frameAddress(i), size)
                    .putLong(t.offset("PyFrameObject.f_back"), next)
                    .putLong(t.offset("PyFrameObject.f_code"), CODE_BASE + i)
                    .putInt(t.offset("PyFrameObject.f_lasti"), i)
                    .place();
        }
        ByteBuffer state = ByteBuffer.allocate(t.size("PyThreadState")).order(ByteOrder.LITTLE_ENDIAN);
        state.putLong(t.offset("PyThreadState.frame"), depth == 0 ? 0 : FIRST_FRAME);
        return state;
    }

    private static long frameAddress(int index) {
        return FIRST_FRAME + index * FRAME_SPACING;
    }

    private CollectedFrames collect(ByteBuffer state, DepthLimit limit) {
        return new FrameObjectCollector(t, 2, limit).collect(new RemoteReader(memory, TargetArch.X86_64), state);
    }

    @Test
    void aStackWithinTheCapIsCopiedWholeWithNothingCut() {
        CollectedFrames collected = collect(threadWithFrames(5), new DepthLimit(5, 100));

        assertThat(collected.frames()).extracting(RawFrame::code)
                .containsExactly(CODE_BASE, CODE_BASE + 1, CODE_BASE + 2, CODE_BASE + 3, CODE_BASE + 4);
        assertThat(collected.frames()).extracting(RawFrame::instruction).containsExactly(0L, 2L, 4L, 6L, 8L);
        assertThat(collected.cut()).isEqualTo(OuterFramesCut.NONE);
    }

    @Test
    void aDeeperStackKeepsItsInnermostFramesAndCountsTheOthers() {
        CollectedFrames collected = collect(threadWithFrames(10), new DepthLimit(3, 100));

        assertThat(collected.frames()).extracting(RawFrame::code)
                .containsExactly(CODE_BASE, CODE_BASE + 1, CODE_BASE + 2);
        assertThat(collected.cut()).isEqualTo(new OuterFramesCut(7, false));
    }

    @Test
    void countingStopsAtItsBoundAndSaysTheStackGoesOn() {
        CollectedFrames collected = collect(threadWithFrames(10), new DepthLimit(3, 4));

        assertThat(collected.frames()).hasSize(3);
        assertThat(collected.cut()).isEqualTo(new OuterFramesCut(4, true));
    }

    @Test
    void aStackFarDeeperThanTheOldLimitOfSixtyFiveThousandFramesIsCut() {
        CollectedFrames collected = collect(threadWithFrames(70_000), DepthLimit.DEFAULT);

        assertThat(collected.frames()).hasSize(DepthLimit.DEFAULT_MAX_FRAMES);
        assertThat(collected.frames().get(0).code()).isEqualTo(CODE_BASE);
        assertThat(collected.cut()).isEqualTo(new OuterFramesCut(70_000 - DepthLimit.DEFAULT_MAX_FRAMES, false));
    }

    @Test
    void aLoopAmongTheKeptFramesIsATornSample() {
        ByteBuffer state = threadWithFrames(6, frameAddress(2));

        assertThatThrownBy(() -> collect(state, new DepthLimit(1000, 1000)))
                .isInstanceOf(TornSampleException.class).hasMessageContaining("loops");
    }

    @Test
    void aLoopAmongTheCountedFramesIsATornSampleLongBeforeTheCountingBound() {
        ByteBuffer state = threadWithFrames(6, frameAddress(4));
        int readsBefore = memory.readCalls();

        assertThatThrownBy(() -> collect(state, new DepthLimit(2, DepthLimit.MAX_COUNTED)))
                .isInstanceOf(TornSampleException.class).hasMessageContaining("loops");
        assertThat(memory.readCalls() - readsBefore).as("reads until the loop was seen").isLessThan(100);
    }

    @Test
    void aFrameThatIsItsOwnCallerIsATornSample() {
        ByteBuffer state = threadWithFrames(1, frameAddress(0));

        assertThatThrownBy(() -> collect(state, DepthLimit.DEFAULT)).isInstanceOf(TornSampleException.class);
    }

    @Test
    void aThreadWithoutFramesHasNoneAndNothingCut() {
        assertThat(collect(threadWithFrames(0), DepthLimit.DEFAULT))
                .isEqualTo(new CollectedFrames(List.of(), OuterFramesCut.NONE));
    }
}
