// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.os.windows.WindowsStructs.Process;
import dev.pyspy4j.os.windows.WindowsStructs.Thread;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thread activity of one process from a scripted SystemProcessInformation answer. */
class SystemProcessActivityProbeTest {
    private static final long PID = 4242;

    private final ScriptedWindowsCalls calls = new ScriptedWindowsCalls(PID);

    @Test
    void eachThreadOfTheTargetByItsStateAndWaitReason() {
        calls.systemInformation = WindowsStructs.systemProcessInformation(List.of(
                new Process(0, "", List.of(new Thread(0, WaitStateClassifier.RUNNING, 0))),
                new Process(PID, "python.exe", List.of(
                        new Thread(100, WaitStateClassifier.RUNNING, 0),
                        new Thread(104, WaitStateClassifier.WAITING, WaitStateClassifier.WAIT_USER_REQUEST),
                        new Thread(108, WaitStateClassifier.WAITING, WaitStateClassifier.WAIT_DELAY_EXECUTION),
                        new Thread(112, WaitStateClassifier.READY, 0),
                        new Thread(116, WaitStateClassifier.WAITING, WaitStateClassifier.WAIT_PAGE_IN),
                        new Thread(120, WaitStateClassifier.TERMINATED, 0))),
                new Process(77, "explorer.exe", List.of(new Thread(200, WaitStateClassifier.RUNNING, 0)))));

        try (TargetProcess target = WindowsProcessAccessProvider.attach(calls, PID,
                new Platform(OsFamily.WINDOWS, TargetArch.X86_64));
             ThreadActivityProbe probe = new WindowsThreadActivityProvider().open(target)) {
            assertThat(probe.snapshot()).isEqualTo(Map.of(
                    100L, ThreadActivity.ACTIVE, 104L, ThreadActivity.IDLE, 108L, ThreadActivity.IDLE,
                    112L, ThreadActivity.ACTIVE, 116L, ThreadActivity.ACTIVE, 120L, ThreadActivity.UNKNOWN));
        }
        assertThat(calls.log).contains("NtQuerySystemInformation 5");
    }

    @Test
    void aProcessNoLongerListedHasNoThreads() {
        calls.systemInformation = WindowsStructs.systemProcessInformation(List.of(
                new Process(77, "explorer.exe", List.of(new Thread(200, WaitStateClassifier.RUNNING, 0)))));

        assertThat(new SystemProcessActivityProbe(calls, PID).snapshot()).isEmpty();
    }

    @Test
    void aFailedQueryLeavesEveryThreadUnknown() {
        calls.failNext("NtQuerySystemInformation",
                WindowsCallException.ntStatus("NtQuerySystemInformation", WindowsErrors.STATUS_ACCESS_DENIED));

        assertThat(new SystemProcessActivityProbe(calls, PID).snapshot()).isEmpty();
    }
}
