// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads through scripted mach_vm_read_overwrite: contents, batching, and the failure each case gets. */
class MachProcessMemoryTest {
    private final ScriptedMacCalls calls = ScriptedTargets.rootAndPython();

    private static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @Test
    void readsFillTheBufferFromItsPositionIntoHeapAndDirectBuffers() {
        calls.bytes(0x10_0000, counting(256));
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            ByteBuffer heap = ByteBuffer.allocate(8).position(2);
            target.memory().read(0x10_0010, heap);
            assertThat(heap.position()).isEqualTo(2);
            assertThat(heap.array()).containsExactly(0, 0, 16, 17, 18, 19, 20, 21);

            ByteBuffer direct = ByteBuffer.allocateDirect(4);
            target.memory().read(0x10_0020, direct);
            assertThat(direct.get(0)).isEqualTo((byte) 32);
            assertThat(direct.get(3)).isEqualTo((byte) 35);
            assertThat(target.memory().readLong(0x10_0000)).isEqualTo(0x0706050403020100L);
        }
    }

    @Test
    void nearbyReadsOfABatchShareOneCall() {
        calls.bytes(0x10_0000, counting(4096));
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            ByteBuffer first = ByteBuffer.allocate(8);
            ByteBuffer second = ByteBuffer.allocate(16);
            ByteBuffer third = ByteBuffer.allocate(4);
            target.memory().readAll(List.of(new ReadRequest(0x10_0100, second), new ReadRequest(0x10_0000, first),
                    new ReadRequest(0x10_0f00, third)));

            assertThat(calls.journal).containsExactly("read 0x100000+272", "read 0x100f00+4");
            assertThat(first.get(7)).isEqualTo((byte) 7);
            assertThat(second.get(0)).isEqualTo((byte) 0);
            assertThat(second.get(15)).isEqualTo((byte) 0x0f);
            assertThat(third.get(0)).isEqualTo((byte) 0);
        }
    }

    @Test
    void aSpanOverAHoleIsReadAgainRangeByRangeAndTheUnreadableRangeIsNamed() {
        calls.bytes(0x10_0000, counting(64));
        calls.bytes(0x10_0100, counting(64));
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            ByteBuffer low = ByteBuffer.allocate(8);
            ByteBuffer high = ByteBuffer.allocate(8);
            target.memory().readAll(List.of(new ReadRequest(0x10_0000, low), new ReadRequest(0x10_0100, high)));
            assertThat(calls.journal).containsExactly("read 0x100000+264", "read 0x100000+8", "read 0x100100+8");

            assertThatThrownBy(() -> target.memory().readAll(List.of(new ReadRequest(0x10_0000, low),
                    new ReadRequest(0x10_0080, ByteBuffer.allocate(8)))))
                    .isInstanceOfSatisfying(SpyException.class,
                            e -> assertThat(e.kind()).isEqualTo(FailureKind.MEMORY_READ))
                    .hasMessage("cannot read 8 bytes at 0x100080 of process 4242: (os/kern) invalid address");
        }
    }

    @Test
    void aReadFromAProcessThatExitedFailsAsAnExit() {
        calls.bytes(0x10_0000, counting(64));
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            calls.processes.clear();
            assertThatThrownBy(() -> target.memory().read(0x10_0000, ByteBuffer.allocate(8)))
                    .isInstanceOfSatisfying(SpyException.class,
                            e -> assertThat(e.kind()).isEqualTo(FailureKind.PROCESS_EXITED))
                    .hasMessage("process 4242 exited");
        }
    }

    @Test
    void emptyReadsMakeNoCall() {
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            target.memory().read(0x10, ByteBuffer.allocate(0));
            target.memory().readAll(List.of(new ReadRequest(0x20, ByteBuffer.allocate(0))));
        }
        assertThat(calls.reads).isZero();
    }
}
