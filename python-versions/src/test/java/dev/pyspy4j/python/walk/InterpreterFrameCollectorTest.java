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
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code _PyInterpreterFrame} chain walk (3.12 layout, with C-stack shim frames) on stacks deeper than its cap,
 * and on looping chains.
 */
class InterpreterFrameCollectorTest {
    private static final long CFRAME = 0x4000_0000L;
    private static final long FIRST_FRAME = 0x5000_0000L;
    private static final long FRAME_SPACING = 0x100;
    private static final long CODE_BASE = 0x6000_0000L;

    private final StructLayouts t = StructLayouts.load(TargetArch.X86_64, "3.12");
    private final ThreadLayout threads = ThreadLayout.viaCFrame(t);
    private final FrameLayout layout = FrameLayout.v312(t);
    private final FakeProcessMemory memory = new FakeProcessMemory();

    /**
     * A chain of {@code length} frames, leaf first at {@link #FIRST_FRAME}; frame i runs code {@code CODE_BASE+i},
     * except the {@code shims}, which the interpreter pushes when C calls Python; the outermost links to
     * {@code outermostBack} (0: the chain ends).
     */
    private ByteBuffer thread(int length, Set<Integer> shims, long outermostBack) {
        int cstack = (int) t.constant("FRAME_OWNED_BY_CSTACK");
        for (int i = 0; i < length; i++) {
            memory.struct(frameAddress(i), layout.size())
                    .putLong(layout.previous(), i + 1 < length ? frameAddress(i + 1) : outermostBack)
                    .putLong(layout.code(), shims.contains(i) ? 0 : CODE_BASE + i)
                    .putByte(layout.owner(), (byte) (shims.contains(i) ? cstack : 0))
                    .place();
        }
        memory.struct(CFRAME, threads.cframeFrame() + 8)
                .putLong(threads.cframeFrame(), length == 0 ? 0 : FIRST_FRAME).place();
        ByteBuffer state = ByteBuffer.allocate(threads.size()).order(ByteOrder.LITTLE_ENDIAN);
        state.putLong(threads.frame(), CFRAME);
        return state;
    }

    private static long frameAddress(int index) {
        return FIRST_FRAME + index * FRAME_SPACING;
    }

    private CollectedFrames collect(ByteBuffer state, DepthLimit limit) {
        return new InterpreterFrameCollector(threads, layout, ChunkLayout.of(t), limit)
                .collect(new RemoteReader(memory, TargetArch.X86_64), state);
    }

    @Test
    void aDeeperStackKeepsItsInnermostFramesAndCountsTheOthersLeavingShimsOut() {
        CollectedFrames collected = collect(thread(12, Set.of(1, 5, 8), 0), new DepthLimit(3, 100));

        assertThat(collected.frames()).extracting(RawFrame::code)
                .containsExactly(CODE_BASE, CODE_BASE + 2, CODE_BASE + 3);
        // Frames 4 to 11 are cut, of which 5 and 8 are shims.
        assertThat(collected.cut()).isEqualTo(new OuterFramesCut(6, false));
    }

    @Test
    void aStackWithinTheCapIsCopiedWhole() {
        CollectedFrames collected = collect(thread(4, Set.of(3), 0), new DepthLimit(3, 100));

        assertThat(collected.frames()).extracting(RawFrame::code)
                .containsExactly(CODE_BASE, CODE_BASE + 1, CODE_BASE + 2);
        assertThat(collected.cut()).isEqualTo(OuterFramesCut.NONE);
    }

    @Test
    void theFrameAboveAShimIsAnEntryAndKnowsWhereTheShimLies() {
        CollectedFrames collected = collect(thread(5, Set.of(2, 4), 0), new DepthLimit(10, 100));

        assertThat(collected.frames()).extracting(RawFrame::code)
                .containsExactly(CODE_BASE, CODE_BASE + 1, CODE_BASE + 3);
        assertThat(collected.frames()).extracting(RawFrame::entry).containsExactly(false, true, true);
        assertThat(collected.frames()).extracting(RawFrame::entryRecord)
                .containsExactly(0L, frameAddress(2), frameAddress(4));
    }

    @Test
    void countingStopsAtItsBoundAndSaysTheStackGoesOn() {
        CollectedFrames collected = collect(thread(20, Set.of(), 0), new DepthLimit(2, 5));

        assertThat(collected.frames()).hasSize(2);
        assertThat(collected.cut()).isEqualTo(new OuterFramesCut(5, true));
    }

    @Test
    void seventyThousandFramesAreCutToTheDefaultDepth() {
        CollectedFrames collected = collect(thread(70_000, Set.of(69_999), 0), DepthLimit.DEFAULT);

        assertThat(collected.frames()).hasSize(DepthLimit.DEFAULT_MAX_FRAMES);
        assertThat(collected.frames().get(0).code()).isEqualTo(CODE_BASE);
        assertThat(collected.cut().count()).isEqualTo(69_999 - DepthLimit.DEFAULT_MAX_FRAMES);
        assertThat(collected.cut().atLeast()).isFalse();
    }

    @Test
    void aLoopAmongTheCountedFramesIsATornSample() {
        ByteBuffer state = thread(10, Set.of(), frameAddress(6));

        assertThatThrownBy(() -> collect(state, new DepthLimit(2, DepthLimit.MAX_COUNTED)))
                .isInstanceOf(TornSampleException.class).hasMessageContaining("loops");
    }

    @Test
    void aLoopAmongTheKeptFramesIsATornSample() {
        ByteBuffer state = thread(10, Set.of(), frameAddress(0));

        assertThatThrownBy(() -> collect(state, DepthLimit.DEFAULT))
                .isInstanceOf(TornSampleException.class).hasMessageContaining("loops");
    }

    @Test
    void aLoopOfShimsIsATornSample() {
        ByteBuffer state = thread(4, Set.of(1, 2, 3), frameAddress(1));

        assertThatThrownBy(() -> collect(state, DepthLimit.DEFAULT)).isInstanceOf(TornSampleException.class);
    }
}
