// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.TargetProcess;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Attaching, error mapping, threads, command line, pausing order and handle hygiene, on scripted call results (no
 * real Windows was involved: the results are written by hand as the documentation describes them).
 */
class WindowsTargetProcessTest {
    private static final long PID = 4242;
    private static final Platform WINDOWS = new Platform(OsFamily.WINDOWS, TargetArch.X86_64);
    private static final long DATA = 0x1d0_0000_0000L;

    private final ScriptedWindowsCalls calls = new ScriptedWindowsCalls(PID);

    @Test
    void attachOpensWithReadQueryAndSuspendRightsAndChecksTheProcessRuns() {
        try (TargetProcess target = attach()) {
            assertThat(target.pid()).isEqualTo(PID);
            assertThat(target.platform()).isEqualTo(WINDOWS);
            assertThat(target.executablePath()).isEqualTo("C:\\Python313\\python.exe");
        }
        assertThat(calls.log).containsExactly("OpenProcess 4242 access 0xc10", "GetExitCodeProcess",
                "QueryFullProcessImageNameW", "CloseHandle 0x100");
        assertThat(calls.openHandles()).isEmpty();
    }

    @Test
    void aPidThatNamesNoProcessIsNotFound() {
        assertFailure(() -> WindowsProcessAccessProvider.attach(calls, 999, WINDOWS), FailureKind.PROCESS_NOT_FOUND,
                "no process with pid 999");
        assertFailure(() -> WindowsProcessAccessProvider.attach(calls, 0, WINDOWS), FailureKind.PROCESS_NOT_FOUND,
                "no process with pid 0");
        assertFailure(() -> WindowsProcessAccessProvider.attach(calls, 1L << 32, WINDOWS),
                FailureKind.PROCESS_NOT_FOUND, "no process with pid 4294967296");
        assertThat(calls.openHandles()).isEmpty();
    }

    @Test
    void aProcessWeMayNotOpenIsPermissionDenied() {
        calls.openErrors.put(PID, WindowsErrors.ERROR_ACCESS_DENIED);

        assertFailure(this::attach, FailureKind.PERMISSION_DENIED, "permission denied opening process 4242 "
                + "(run as Administrator, or as the user who started it)");
    }

    @Test
    void anotherOpenFailureIsNamedWithItsCode() {
        calls.openErrors.put(PID, 1450);

        assertFailure(this::attach, FailureKind.MEMORY_READ, "cannot open process 4242: OpenProcess failed with "
                + "error 1450");
    }

    @Test
    void aProcessThatExitedIsRefusedAndItsHandleClosed() {
        calls.exitCode = 0;

        assertFailure(this::attach, FailureKind.PROCESS_EXITED, "process 4242 has exited");
        assertThat(calls.openHandles()).isEmpty();
    }

    @Test
    void anExecutablePathRefusedClosesTheHandle() {
        calls.failNext("QueryFullProcessImageNameW",
                WindowsCallException.win32("QueryFullProcessImageNameW", WindowsErrors.ERROR_ACCESS_DENIED));

        assertFailure(this::attach, FailureKind.PERMISSION_DENIED, "permission denied reading the executable path "
                + "of process 4242 (run as Administrator, or as the user who started it)");
        assertThat(calls.openHandles()).isEmpty();
    }

    @Test
    void threadsAreThoseTheProcessOwnsFromTheSystemWideSnapshot() {
        calls.threads.addAll(List.of(WindowsStructs.threadEntry(4, 4), WindowsStructs.threadEntry(5012, PID),
                WindowsStructs.threadEntry(7, 77), WindowsStructs.threadEntry(5016, PID)));

        try (TargetProcess target = attach()) {
            assertThat(target.threads()).containsExactly(new NativeThread(5012, ""), new NativeThread(5016, ""));
        }
        assertThat(calls.log).contains("CreateToolhelp32Snapshot 0x4 0");
        assertThat(calls.openHandles()).isEmpty();
    }

    @Test
    void snapshotsAreClosedWhenAnEntryIsMalformed() {
        calls.threads.add(new byte[3]);

        try (TargetProcess target = attach()) {
            assertThatThrownBy(target::threads).isInstanceOf(SpyException.class)
                    .hasMessageStartingWith("malformed THREADENTRY32");
            assertThat(calls.openHandles()).hasSize(1);
        }
        assertThat(calls.openHandles()).isEmpty();
    }

    @Test
    void aModuleSnapshotThatRacedTheLoaderIsTakenAgain() {
        calls.modules.add(WindowsStructs.moduleEntry(PID, 0x7ff7_0000_0000L, 0x1000, "C:\\Python313\\python.exe"));
        calls.failNext("CreateToolhelp32Snapshot",
                WindowsCallException.win32("CreateToolhelp32Snapshot", Toolhelp.ERROR_BAD_LENGTH));

        try (WindowsTargetProcess target = (WindowsTargetProcess) attach()) {
            assertThat(target.modules()).extracting(ModuleEntry::name).containsExactly("python.exe");
        }
        assertThat(calls.openHandles()).isEmpty();
    }

    @Test
    void theCommandLineSplitAsTheCRuntimeSplitsIt() {
        calls.commandLine = "\"C:\\Program Files\\Python313\\python.exe\" -X dev \"my app.py\" --name=\\\"x\\\"";

        try (TargetProcess target = attach()) {
            assertThat(target.commandLine()).containsExactly("C:\\Program Files\\Python313\\python.exe", "-X",
                    "dev", "my app.py", "--name=\"x\"");
        }
        assertThat(calls.log).contains("NtQueryInformationProcess 60");
    }

    @Test
    void pausingSuspendsAndClosingTheHandleResumesOnce() {
        try (TargetProcess target = attach()) {
            calls.log.clear();
            PauseHandle pause = target.pause();
            pause.close();
            pause.close();
            assertThat(calls.log).containsExactly("NtSuspendProcess", "NtResumeProcess");
        }
    }

    @Test
    void aReadThatFailsWhilePausedStillResumes() {
        calls.memory.put(DATA, new byte[64]);

        try (TargetProcess target = attach()) {
            calls.log.clear();
            assertThatThrownBy(() -> {
                try (PauseHandle pause = target.pause()) {
                    target.memory().read(DATA, ByteBuffer.allocate(16));
                    target.memory().read(DATA + 60, ByteBuffer.allocate(16));
                    target.memory().read(DATA, ByteBuffer.allocate(16));
                }
            }).isInstanceOfSatisfying(SpyException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.MEMORY_READ))
                    .hasMessage("cannot read 16 bytes at 0x1d00000003c in process 4242");
            assertThat(calls.functions()).containsExactly("NtSuspendProcess", "ReadProcessMemory",
                    "ReadProcessMemory", "GetExitCodeProcess", "NtResumeProcess");
        }
    }

    @Test
    void closingAProcessStillPausedResumesItBeforeClosingItsHandle() {
        TargetProcess target = attach();
        target.pause();
        calls.log.clear();

        target.close();
        target.close();

        assertThat(calls.log).containsExactly("NtResumeProcess", "CloseHandle 0x100");
        assertThat(calls.openHandles()).isEmpty();
        assertThat(target.isAlive()).isFalse();
    }

    @Test
    void closingResumesEveryNestedPauseStillHeld() {
        TargetProcess target = attach();
        target.pause();
        target.pause().close();
        target.pause();
        calls.log.clear();

        target.close();

        assertThat(calls.log).containsExactly("NtResumeProcess", "NtResumeProcess", "CloseHandle 0x100");
    }

    @Test
    void aRefusedSuspensionLeavesNothingToResume() {
        calls.failNext("NtSuspendProcess",
                WindowsCallException.ntStatus("NtSuspendProcess", WindowsErrors.STATUS_ACCESS_DENIED));

        try (TargetProcess target = attach()) {
            calls.log.clear();
            assertFailure(target::pause, FailureKind.PERMISSION_DENIED, "permission denied suspending process 4242 "
                    + "(run as Administrator, or as the user who started it)");
        }
        assertThat(calls.functions()).containsExactly("NtSuspendProcess", "GetExitCodeProcess", "CloseHandle");
    }

    @Test
    void suspendingAProcessThatIsEndingSaysItExited() {
        calls.failNext("NtSuspendProcess",
                WindowsCallException.ntStatus("NtSuspendProcess", WindowsErrors.STATUS_PROCESS_IS_TERMINATING));

        try (TargetProcess target = attach()) {
            assertFailure(target::pause, FailureKind.PROCESS_EXITED, "process 4242 has exited");
        }
    }

    @Test
    void aResumeThatFailsWhileTheProcessRunsIsReportedAndTheHandleStillClosed() {
        calls.failNext("NtResumeProcess",
                WindowsCallException.ntStatus("NtResumeProcess", WindowsErrors.STATUS_INVALID_HANDLE));
        TargetProcess target = attach();
        target.pause();

        assertFailure(target::close, FailureKind.MEMORY_READ, "failed resuming process 4242: NtResumeProcess failed "
                + "with NTSTATUS 0xc0000008");
        assertThat(calls.openHandles()).isEmpty();
    }

    @Test
    void aResumeThatFailsBecauseTheProcessExitedIsNoFailure() {
        TargetProcess target = attach();
        PauseHandle pause = target.pause();
        calls.exitCode = 1;
        calls.failNext("NtResumeProcess",
                WindowsCallException.ntStatus("NtResumeProcess", WindowsErrors.STATUS_PROCESS_IS_TERMINATING));

        pause.close();
        target.close();

        assertThat(calls.openHandles()).isEmpty();
    }

    @Test
    void registersOfThePausedProcessesThreadsOnly() {
        calls.threads.addAll(List.of(WindowsStructs.threadEntry(5012, PID), WindowsStructs.threadEntry(7, 77),
                WindowsStructs.threadEntry(5016, PID)));
        calls.contexts.put(5012L, WindowsStructs.context(1, 2, 3, 4, 5, 6, 0x1000, 0x0f00, 8, 0x7ffa_0000_1234L));
        calls.contexts.put(7L, WindowsStructs.context(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));

        try (TargetProcess target = attach()) {
            PauseHandle pause = target.pause();
            assertThat(pause.registers(5012).orElseThrow().instructionPointer()).isEqualTo(0x7ffa_0000_1234L);
            assertThat(pause.registers(5012).orElseThrow().stackPointer()).isEqualTo(0x0f00);
            assertThat(pause.registers(7)).as("a thread of another process").isEmpty();
            assertThat(pause.registers(5016)).as("a thread that ended").isEmpty();
            assertThat(calls.log.stream().filter(call -> call.startsWith("CreateToolhelp32Snapshot")))
                    .as("threads are listed once per pause").hasSize(1);
            assertThat(calls.log).contains("OpenThread 5012 access 0x808");
            pause.close();
            assertThat(pause.registers(5012)).as("after the pause").isEmpty();
            assertThat(calls.openHandles()).hasSize(1);
        }
        assertThat(calls.openHandles()).isEmpty();
    }

    @Test
    void aProcessIsAliveWhileItsExitCodeIsStillActive() {
        try (TargetProcess target = attach()) {
            assertThat(target.isAlive()).isTrue();
            calls.exitCode = 3;
            assertThat(target.isAlive()).isFalse();
        }
    }

    @Test
    void filesAreReadWhereTheTargetLoadedThem() {
        try (TargetProcess target = attach()) {
            assertThat(target.fileAsSeenByTarget("/tmp/python313.dll")).hasToString("/tmp/python313.dll");
        }
    }

    @Test
    void aModuleThatIsNotLoadedHasNoImage() {
        calls.modules.add(WindowsStructs.moduleEntry(PID, 0x7ff7_0000_0000L, 0x1000, "C:\\Python313\\python.exe"));

        try (TargetProcess target = attach()) {
            assertThat(target.image("C:\\Python313\\python313.dll")).isEmpty();
        }
        assertThat(calls.openHandles()).isEmpty();
    }

    @Test
    void aClosedProcessRefusesWork() {
        TargetProcess target = attach();
        target.close();

        assertFailure(target::threads, FailureKind.INTERNAL, "process 4242 was already closed");
        assertFailure(target::pause, FailureKind.INTERNAL, "process 4242 was already closed");
    }

    private TargetProcess attach() {
        return WindowsProcessAccessProvider.attach(calls, PID, WINDOWS);
    }

    static void assertFailure(Runnable action, FailureKind kind, String message) {
        Consumer<SpyException> ofKind = e -> assertThat(e.kind()).isEqualTo(kind);
        assertThatThrownBy(action::run).isInstanceOfSatisfying(SpyException.class, ofKind).hasMessage(message);
    }
}
