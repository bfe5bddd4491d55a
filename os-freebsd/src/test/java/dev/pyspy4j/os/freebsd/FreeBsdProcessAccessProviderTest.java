// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import static dev.pyspy4j.os.freebsd.ScriptedProcesses.PID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.os.freebsd.kinfo.KinfoProc;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.PermissionDeniedException;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.TargetProcess;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Attaching and its failures, on scripted call results (see {@link ScriptedFreeBsdCalls}). */
class FreeBsdProcessAccessProviderTest {
    private final ScriptedFreeBsdCalls calls = ScriptedProcesses.python();
    private final FreeBsdProcessAccessProvider provider = new FreeBsdProcessAccessProvider(calls);

    @Test
    void attachingChecksThatMemoryCanBeReadAndLeavesTheTargetRunning() {
        try (TargetProcess target = provider.attach(PID)) {
            assertThat(target.pid()).isEqualTo(PID);
            assertThat(target.executablePath()).isEqualTo(ScriptedProcesses.EXECUTABLE);
        }
        assertThat(calls.traceCalls()).containsExactly("PT_ATTACH", "waitpid", "PT_IO 0x200000 1", "PT_DETACH 0");
        assertThat(calls.isTraced()).isFalse();
    }

    @Test
    void aPidWithNoProcessIsNotFound() {
        calls.sysctls.remove("pid");
        assertFailure(PID, FailureKind.PROCESS_NOT_FOUND, "no process with pid 4242");
        assertThat(calls.traceCalls()).isEmpty();
    }

    @Test
    void pidsOutsideTheKernelsRangeAreNotFound() {
        assertFailure(0, FailureKind.PROCESS_NOT_FOUND, "no process with pid 0");
        assertFailure(-3, FailureKind.PROCESS_NOT_FOUND, "no process with pid -3");
        assertFailure(1L << 40, FailureKind.PROCESS_NOT_FOUND, "no process with pid " + (1L << 40));
    }

    @Test
    void aZombieHasExited() {
        calls.sysctls.put("pid", ScriptedProcesses.process(KinfoProc.SZOMB, 0));
        assertFailure(PID, FailureKind.PROCESS_EXITED, "process 4242 has exited");
    }

    @Test
    void aRefusedAttachIsPermissionDeniedAndSaysWhoWeRunAs() {
        calls.failing.put("PT_ATTACH", FreeBsdCallException.EPERM);
        assertThatThrownBy(() -> provider.attach(PID))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.denial().runsAsRoot()).isFalse();
                    assertThat(e.denial().tracerPid()).isEmpty();
                })
                .hasMessage("permission denied attaching to process 4242");
        assertThat(calls.isTraced()).isFalse();
    }

    @Test
    void rootRefusedIsToldApart() {
        calls.euid = 0;
        calls.failing.put("PT_ATTACH", FreeBsdCallException.EPERM);
        assertThatThrownBy(() -> provider.attach(PID))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        e -> assertThat(e.denial().runsAsRoot()).isTrue());
    }

    @Test
    void aProcessTracedByAnotherDebuggerNamesIt() {
        calls.sysctls.put("pid", ScriptedProcesses.process(KinfoProc.SSTOP, 777));
        calls.failing.put("PT_ATTACH", FreeBsdCallException.EBUSY);
        assertThatThrownBy(() -> provider.attach(PID))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        e -> assertThat(e.denial().tracerPid()).isEqualTo(OptionalLong.of(777)))
                .hasMessage("permission denied attaching to process 4242: process 777 is tracing it already");
    }

    @Test
    void aRefusedMapIsPermissionDenied() {
        calls.failing.put("sysctl:vmmap", FreeBsdCallException.EPERM);
        assertFailure(PID, FailureKind.PERMISSION_DENIED, "permission denied reading process 4242");
    }

    @Test
    void anUnreadableFirstPageIsNoReasonToRefuse() {
        calls.memory.clear();
        try (TargetProcess target = provider.attach(PID)) {
            assertThat(target.isAlive()).isTrue();
        }
        assertThat(calls.isTraced()).isFalse();
    }

    private void assertFailure(long pid, FailureKind kind, String message) {
        assertThatThrownBy(() -> provider.attach(pid))
                .isInstanceOfSatisfying(SpyException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessage(message);
    }
}
