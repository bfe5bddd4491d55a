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
import org.junit.jupiter.api.Test;

/**
 * Moving a free-threaded 3.14 frame's instruction pointer from a thread's own copy of the bytecode into the code
 * object's, with the offsets of the generated 3.14t table, and refusing copy indexes the code does not have.
 */
class ThreadLocalBytecodeTest {
    private static final long CODE = 0x6000_0000L;
    private static final long ARRAY = 0x6100_0000L;
    private static final long COPY_TWO = 0x6200_0000L;

    private final StructLayouts t = StructLayouts.load(TargetArch.X86_64, "3.14t");
    private final ThreadLocalBytecode copies = ThreadLocalBytecode.of(t).orElseThrow();
    private final FakeProcessMemory memory = new FakeProcessMemory();
    private final RemoteReader reader = new RemoteReader(memory, TargetArch.X86_64);

    /** A code object with {@code count} copies: copy 0 its own bytecode, copy 2 at {@link #COPY_TWO}. */
    private void codeWithCopies(long count) {
        memory.putLong(CODE + t.offset("PyCodeObject.co_tlbc"), ARRAY)
                .putLong(ARRAY + t.offset("_PyCodeArray.size"), count)
                .putLong(ARRAY + t.offset("_PyCodeArray.entries"), CODE + t.offset("PyCodeObject.co_code_adaptive"))
                .putLong(ARRAY + t.offset("_PyCodeArray.entries") + 8, 0x6300_0000L)
                .putLong(ARRAY + t.offset("_PyCodeArray.entries") + 16, COPY_TWO);
    }

    private ByteBuffer frameRunningCopy(int index) {
        ByteBuffer frame = ByteBuffer.allocate(t.size("_PyInterpreterFrame")).order(ByteOrder.LITTLE_ENDIAN);
        frame.putInt(t.offset("_PyInterpreterFrame.tlbc_index"), index);
        return frame;
    }

    @Test
    void onlyFreeThreaded314AndLaterHaveCopies() {
        assertThat(ThreadLocalBytecode.of(StructLayouts.load(TargetArch.X86_64, "3.13t"))).isEmpty();
        assertThat(ThreadLocalBytecode.of(StructLayouts.load(TargetArch.X86_64, "3.14"))).isEmpty();
        assertThat(copies.frameIndex()).isEqualTo(t.offset("_PyInterpreterFrame.tlbc_index"));
    }

    @Test
    void anInstructionInAThreadsCopyMovesToTheSameOffsetInTheCodeObject() {
        codeWithCopies(3);

        long moved = copies.inCodeObject(reader, frameRunningCopy(2), CODE, COPY_TWO + 46);

        assertThat(moved).isEqualTo(CODE + t.offset("PyCodeObject.co_code_adaptive") + 46);
    }

    @Test
    void copyZeroIsTheCodeObjectsOwnAndReadsNothing() {
        long own = CODE + t.offset("PyCodeObject.co_code_adaptive") + 10;

        assertThat(copies.inCodeObject(reader, frameRunningCopy(0), CODE, own)).isEqualTo(own);
    }

    @Test
    void anIndexTheCodeHasNoCopyForIsATornSample() {
        codeWithCopies(2);

        assertThatThrownBy(() -> copies.inCodeObject(reader, frameRunningCopy(2), CODE, COPY_TWO))
                .isInstanceOf(TornSampleException.class).hasMessage("frame runs bytecode copy 2 of 2");
        assertThatThrownBy(() -> copies.inCodeObject(reader, frameRunningCopy(-1), CODE, COPY_TWO))
                .isInstanceOf(TornSampleException.class).hasMessage("frame runs bytecode copy -1");
    }

    @Test
    void aCodeObjectWithoutAnArrayIsATornSample() {
        memory.putLong(CODE + t.offset("PyCodeObject.co_tlbc"), 0);

        assertThatThrownBy(() -> copies.inCodeObject(reader, frameRunningCopy(1), CODE, COPY_TWO))
                .isInstanceOf(TornSampleException.class)
                .hasMessage("frame runs bytecode copy 1 of a code object with none");
    }
}
