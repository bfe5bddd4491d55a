// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.os.macos.decode.ThreadBasicInfo;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** py-spy's macOS rule (running and not the idle flag) applied to scripted thread_basic_info answers. */
class ThreadActivityTest {
    private final ScriptedMacCalls calls = ScriptedTargets.rootAndPython();

    @Test
    void onlyRunningThreadsWithoutTheIdleFlagAreActive() {
        calls.thread(1, 0x1000).runState = ThreadBasicInfo.TH_STATE_RUNNING;
        ScriptedMacCalls.Thread idleFlagged = calls.thread(2, 0x2000);
        idleFlagged.runState = ThreadBasicInfo.TH_STATE_RUNNING;
        idleFlagged.flags = ThreadBasicInfo.TH_FLAGS_IDLE;
        calls.thread(3, 0x3000).runState = ThreadBasicInfo.TH_STATE_WAITING;
        calls.thread(4, 0x4000).runState = ThreadBasicInfo.TH_STATE_STOPPED;
        calls.thread(5, 0x5000).runState = ThreadBasicInfo.TH_STATE_UNINTERRUPTIBLE;
        calls.thread(6, 0x6000).runState = ThreadBasicInfo.TH_STATE_HALTED;
        ScriptedMacCalls.Thread swapped = calls.thread(7, 0x7000);
        swapped.runState = ThreadBasicInfo.TH_STATE_RUNNING;
        swapped.flags = ThreadBasicInfo.TH_FLAGS_SWAPPED;
        calls.thread(8, 0x8000).basicInfoFails = true;
        calls.thread(9, 0x9000).endsWhenListed = true;

        try (MacTargetProcess target = ScriptedTargets.attach(calls);
             ThreadActivityProbe probe = new MacThreadActivityProvider(() -> calls).open(target)) {
            assertThat(probe.snapshot()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    1L, ThreadActivity.ACTIVE, 2L, ThreadActivity.IDLE, 3L, ThreadActivity.IDLE,
                    4L, ThreadActivity.IDLE, 5L, ThreadActivity.IDLE, 6L, ThreadActivity.IDLE,
                    7L, ThreadActivity.ACTIVE, 8L, ThreadActivity.UNKNOWN));
            assertThat(calls.leakedPorts()).containsOnlyKeys(ScriptedMacCalls.TASK_PORT);
        }
        assertThat(calls.leakedPorts()).isEmpty();
    }

    @Test
    void aProcessOpenedElsewhereGetsATaskPortOfItsOwnGivenBackOnClose() {
        calls.thread(1, 0x1000).runState = ThreadBasicInfo.TH_STATE_RUNNING;
        try (ThreadActivityProbe probe = new MacThreadActivityProvider(() -> calls).open(new OnlyAPid())) {
            assertThat(probe.snapshot()).containsExactlyEntriesOf(Map.of(1L, ThreadActivity.ACTIVE));
        }
        assertThat(calls.leakedPorts()).isEmpty();
    }

    /** A target another provider opened: only its pid is of use here. */
    private static final class OnlyAPid implements TargetProcess {
        @Override
        public long pid() {
            return ScriptedTargets.PID;
        }

        @Override
        public Platform platform() {
            return ScriptedTargets.MAC_ARM64;
        }

        @Override
        public ProcessMemory memory() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<MemoryRegion> regions() {
            return List.of();
        }

        @Override
        public List<NativeThread> threads() {
            return List.of();
        }

        @Override
        public String executablePath() {
            return "";
        }

        @Override
        public List<String> commandLine() {
            return List.of();
        }

        @Override
        public Path fileAsSeenByTarget(String pathInTarget) {
            return Path.of(pathInTarget);
        }

        @Override
        public Optional<dev.pyspy4j.spi.process.BinaryImage> image(String path) {
            return Optional.empty();
        }

        @Override
        public PauseHandle pause() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
