// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.NativeThread;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Threads listed with scripted task_threads and thread_info answers, every port given back. */
class ThreadsTest {
    private final ScriptedMacCalls calls = ScriptedTargets.rootAndPython();

    @Test
    void threadsAreNamedByTheirSystemWideIdsAndEveryPortIsGivenBack() {
        calls.thread(0x1a2b3c, 0x1_7000_00e0L).name = "MainThread";
        calls.thread(0x1a2b40, 0x1_7008_00e0L);
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            for (int round = 0; round < 3; round++) {
                assertThat(target.threads()).containsExactly(new NativeThread(0x1a2b3c, "MainThread"),
                        new NativeThread(0x1a2b40, ""));
                assertThat(calls.leakedPorts()).containsOnlyKeys(ScriptedMacCalls.TASK_PORT);
            }
        }
        assertThat(calls.leakedPorts()).isEmpty();
    }

    @Test
    void aThreadThatEndsBetweenListingAndIdentifyingIsLeftOutAndItsPortReleased() {
        calls.thread(11, 0x1000);
        calls.thread(12, 0x2000).endsWhenListed = true;
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            assertThat(target.threads()).containsExactly(new NativeThread(11, ""));
            assertThat(calls.leakedPorts()).containsOnlyKeys(ScriptedMacCalls.TASK_PORT);
        }
        assertThat(calls.leakedPorts()).isEmpty();
    }

    @Test
    void pthreadHandlesMapToThreadIdsThroughTheTsdBase() {
        calls.thread(901, 0x1_6f00_0000L + MacTargetProcess.PTHREAD_TSD_OFFSET);
        calls.thread(902, 0x1_6f08_0000L + MacTargetProcess.PTHREAD_TSD_OFFSET);
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            assertThat(target.osThreadIds(List.of(0x1_6f08_0000L, 0x1_6f00_0000L, 0xdeadL)))
                    .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(0x1_6f00_0000L, 901L, 0x1_6f08_0000L, 902L));
            assertThat(target.hostThreadId(901)).isEqualTo(901);
        }
        assertThat(calls.leakedPorts()).isEmpty();
    }

    @Test
    void listingTheThreadsOfAProcessThatExitedFailsAsAnExit() {
        try (MacTargetProcess target = ScriptedTargets.attach(calls)) {
            calls.processes.clear();
            assertThatThrownBy(target::threads).isInstanceOfSatisfying(SpyException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.PROCESS_EXITED));
            assertThat(target.osThreadIds(List.of(1L))).isEmpty();
        }
    }
}
