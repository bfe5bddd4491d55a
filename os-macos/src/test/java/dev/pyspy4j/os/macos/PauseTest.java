// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.PauseHandle;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of suspensions and resumptions against scripted calls; the target is never left stopped. */
class PauseTest {
    private final ScriptedMacCalls calls = ScriptedTargets.rootAndPython();

    @Test
    void aFailingReadInTheMiddleStillResumesTheTask() {
        calls.bytes(0x1000, new byte[64]);
        calls.failingRead = 2;
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            assertThatThrownBy(() -> {
                try (PauseHandle pause = target.pause()) {
                    target.memory().read(0x1000, ByteBuffer.allocate(8));
                    target.memory().read(0x1008, ByteBuffer.allocate(8));
                    target.memory().read(0x1010, ByteBuffer.allocate(8));
                }
            }).isInstanceOfSatisfying(SpyException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.MEMORY_READ));

            assertThat(calls.journal).containsExactly("task_suspend", "read 0x1000+8", "read 0x1008+8", "task_resume");
            assertThat(target.openPauseCount()).isZero();
        }
    }

    @Test
    void closingTheTargetResumesAPauseLeftOpenBeforeGivingBackThePort() {
        MacTargetProcess target = ScriptedTargets.attach(calls);
        target.pause();
        target.close();

        assertThat(calls.journal).containsExactly("task_suspend", "task_resume", "deallocate task port");
        assertThat(calls.leakedPorts()).isEmpty();
    }

    @Test
    void closingAPauseTwiceResumesOnce() {
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            PauseHandle pause = target.pause();
            pause.close();
            pause.close();
        }
        assertThat(calls.journal).containsExactly("task_suspend", "task_resume", "deallocate task port");
    }

    @Test
    void aTaskPauseNamesTheStoppedThreadsAndGivesBackTheirPortsOnResume() {
        calls.thread(21, 0x1000);
        calls.thread(22, 0x2000);
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            try (PauseHandle pause = target.pause()) {
                assertThat(pause.stoppedThreads()).containsExactly(21L, 22L);
                assertThat(calls.leakedPorts()).hasSize(3);
            }
            assertThat(calls.leakedPorts()).containsOnlyKeys(ScriptedMacCalls.TASK_PORT);
        }
        assertThat(calls.leakedPorts()).isEmpty();
    }

    @Test
    void pausingChosenThreadsStopsThemInListOrderAndResumesThemInReverse() {
        calls.thread(31, 0x1000);
        calls.thread(32, 0x2000);
        calls.thread(33, 0x3000);
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            try (PauseHandle pause = target.pauseThreads(List.of(33L, 31L, 99L))) {
                assertThat(pause.stoppedThreads()).containsExactly(31L, 33L);
            }
        }
        assertThat(calls.journal).containsExactly("thread_suspend 31", "thread_suspend 33", "thread_resume 33",
                "thread_resume 31", "deallocate task port");
        assertThat(calls.leakedPorts()).isEmpty();
    }

    @Test
    void aThreadThatEndsBeforeItIsStoppedIsSkippedAndAFailingReadStillResumesTheOthers() {
        calls.thread(41, 0x1000).endsBeforeSuspend = true;
        calls.thread(42, 0x2000);
        calls.thread(43, 0x3000);
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            assertThatThrownBy(() -> {
                try (PauseHandle pause = target.pauseThreads(List.of(41L, 42L, 43L))) {
                    assertThat(pause.stoppedThreads()).containsExactly(42L, 43L);
                    target.memory().read(0x1000, ByteBuffer.allocate(8));
                }
            }).isInstanceOf(SpyException.class);
        }
        assertThat(calls.journal).containsExactly("thread_suspend 42", "thread_suspend 43", "read 0x1000+8",
                "thread_resume 43", "thread_resume 42", "deallocate task port");
        assertThat(calls.leakedPorts()).isEmpty();
    }

    @Test
    void registersOfAStoppedX8664ThreadComeInDwarfOrder() {
        ScriptedMacCalls.Thread thread = calls.thread(51, 0x1000);
        long[] slots = new long[21];
        for (int slot = 0; slot < slots.length; slot++) {
            slots[slot] = 0x100 + slot;
        }
        thread.x86Registers = slots;
        try (MacTargetProcess target = ScriptedTargets.attach(calls); PauseHandle pause = target.pause()) {
            Registers registers = pause.registers(51).orElseThrow();
            assertThat(registers.instructionPointer()).isEqualTo(0x110);
            assertThat(registers.stackPointer()).isEqualTo(0x107);
            assertThat(registers.framePointer()).isEqualTo(0x106);
            assertThat(registers.get(1)).as("rdx").isEqualTo(0x103);
            assertThat(registers.get(3)).as("rbx").isEqualTo(0x101);
            assertThat(pause.registers(52)).isEmpty();
        }
        assertThat(calls.leakedPorts()).isEmpty();
    }

    @Test
    void aTaskThatCannotBeSuspendedBecauseItExitedFailsAsAnExit() {
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            calls.processes.clear();
            assertThatThrownBy(target::pause).isInstanceOfSatisfying(SpyException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.PROCESS_EXITED));
            assertThat(target.openPauseCount()).isZero();
        }
    }
}
