// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import static dev.pyspy4j.os.freebsd.ScriptedProcesses.PID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.os.freebsd.kinfo.KinfoBytes;
import dev.pyspy4j.os.freebsd.kinfo.KinfoProc;
import dev.pyspy4j.spi.process.ThreadActivity;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Idle detection from ki_stat, on scripted per-thread records. */
class FreeBsdThreadActivityProbeTest {
    private final ScriptedFreeBsdCalls calls = ScriptedProcesses.python();

    @Test
    void onlyRunningThreadsAreActive() {
        calls.sysctls.put("threads", KinfoBytes.concat(List.of(
                thread(1, KinfoProc.SRUN, ""), thread(2, KinfoProc.SSLEEP, "nanslp"), thread(3, KinfoProc.SLOCK, ""),
                thread(4, KinfoProc.SWAIT, ""), thread(5, KinfoProc.SSTOP, ""), thread(6, KinfoProc.SIDL, ""),
                thread(7, KinfoProc.SZOMB, ""), thread(8, 42, ""))));
        try (ThreadActivityProbe probe = open()) {
            assertThat(probe.snapshot()).isEqualTo(Map.of(1L, ThreadActivity.ACTIVE, 2L, ThreadActivity.IDLE,
                    3L, ThreadActivity.IDLE, 4L, ThreadActivity.IDLE, 5L, ThreadActivity.IDLE, 6L, ThreadActivity.IDLE,
                    8L, ThreadActivity.UNKNOWN));
        }
        assertThat(calls.traceCalls()).as("looking at threads must not stop them").isEmpty();
    }

    @Test
    void aProcessThatIsGoneHasNoThreads() {
        calls.sysctls.remove("threads");
        try (ThreadActivityProbe probe = open()) {
            assertThat(probe.snapshot()).isEmpty();
        }
    }

    @Test
    void eachSnapshotIsFresh() {
        try (ThreadActivityProbe probe = open()) {
            assertThat(probe.snapshot()).containsEntry((long) ScriptedProcesses.WORKER_TID, ThreadActivity.IDLE);
            calls.sysctls.put("threads", thread(ScriptedProcesses.WORKER_TID, KinfoProc.SRUN, ""));
            assertThat(probe.snapshot()).isEqualTo(Map.of((long) ScriptedProcesses.WORKER_TID, ThreadActivity.ACTIVE));
        }
    }

    private ThreadActivityProbe open() {
        return new FreeBsdThreadActivityProvider(calls).open(new FreeBsdTargetProcess(calls, PID));
    }

    private static byte[] thread(int tid, int state, String waitMessage) {
        return KinfoBytes.kinfoProc(PID, tid, state, "python3.11", "t" + tid, waitMessage, 0, 8);
    }
}
