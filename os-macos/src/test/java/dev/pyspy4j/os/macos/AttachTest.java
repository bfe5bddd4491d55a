// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import static dev.pyspy4j.os.macos.ScriptedTargets.MAC_X86_64;
import static dev.pyspy4j.os.macos.ScriptedTargets.PID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.os.macos.calls.KernReturn;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.PermissionDeniedException;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.TargetProcess;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Attaching against scripted calls: which failure, with which message, in which order the checks run. */
class AttachTest {
    private final ScriptedMacCalls calls = ScriptedTargets.rootAndPython();

    @Test
    void aProcessThatDoesNotExistIsNotFoundBeforeAnythingElseIsChecked() {
        calls.euid = 501;

        assertThatThrownBy(() -> ScriptedTargets.provider(calls, MAC_X86_64).attach(999))
                .isInstanceOfSatisfying(SpyException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.PROCESS_NOT_FOUND))
                .hasMessage("no process with pid 999");
        assertThatThrownBy(() -> ScriptedTargets.provider(calls, MAC_X86_64).attach(-1))
                .hasMessage("no process with pid -1");
        assertThatThrownBy(() -> ScriptedTargets.provider(calls, MAC_X86_64).attach(1L << 40))
                .hasMessage("no process with pid 1099511627776");
    }

    @Test
    void aUserWhoIsNotRootGetsPySpysMessage() {
        calls.euid = 501;

        assertThatThrownBy(() -> ScriptedTargets.provider(calls, MAC_X86_64).attach(PID))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.PERMISSION_DENIED);
                    assertThat(e.denial().runsAsRoot()).isFalse();
                    assertThat(e.reason()).contains("not root");
                })
                .hasMessage("This program requires root on OSX. Try running again with elevated permissions by"
                        + " going 'sudo !!'");
        assertThat(calls.leakedPorts()).isEmpty();
    }

    @Test
    void aRefusedSystemPythonIsBlamedOnSystemIntegrityProtection() {
        calls.programs.put(PID, "/usr/bin/python3");
        calls.taskForPidFailure = KernReturn.KERN_FAILURE;

        assertThatThrownBy(() -> ScriptedTargets.provider(calls, MAC_X86_64).attach(PID))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        e -> assertThat(e.reason()).contains("protected by System Integrity Protection"))
                .hasMessage("cannot read process 4242: its program '/usr/bin/python3' is protected by System"
                        + " Integrity Protection, which keeps even root from reading it; profile a Python installed"
                        + " elsewhere (Homebrew, pyenv, python.org) or disable SIP");
    }

    @Test
    void aRefusedProgramOutsideSipIsReportedAsPySpyReportsAFailedOpen() {
        calls.programs.put(PID, "/usr/local/bin/python3.12");
        calls.taskForPidFailure = KernReturn.KERN_FAILURE;

        assertThatThrownBy(() -> ScriptedTargets.provider(calls, MAC_X86_64).attach(PID))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        e -> assertThat(e.denial().runsAsRoot()).isTrue())
                .hasMessage("Failed to open process 4242 - check if it is running: task_for_pid refused it"
                        + " ((os/kern) failure)");
    }

    @Test
    void aProcessThatExitsWhileTaskForPidRunsIsNotFound() {
        calls.programs.put(PID, "/usr/bin/python3");
        calls.exitOnTaskForPid = true;

        assertThatThrownBy(() -> ScriptedTargets.provider(calls, MAC_X86_64).attach(PID))
                .isInstanceOfSatisfying(SpyException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.PROCESS_NOT_FOUND))
                .hasMessage("no process with pid 4242");
    }

    @Test
    void sipProtectsSystemDirectoriesButNotUsrLocal() {
        assertThat(SystemIntegrityProtection.protects("/usr/bin/python3")).isTrue();
        assertThat(SystemIntegrityProtection.protects("/System/Library/Frameworks/Python.framework/Versions/2.7"
                + "/Resources/Python.app/Contents/MacOS/Python")).isTrue();
        assertThat(SystemIntegrityProtection.protects("/bin/sh")).isTrue();
        assertThat(SystemIntegrityProtection.protects("/usr/local/bin/python3")).isFalse();
        assertThat(SystemIntegrityProtection.protects("/opt/homebrew/bin/python3")).isFalse();
        assertThat(SystemIntegrityProtection.protects("/Users/me/.pyenv/versions/3.12.4/bin/python3.12")).isFalse();
        assertThat(SystemIntegrityProtection.protects("")).isFalse();
    }

    @Test
    void anAttachedProcessTellsItsProgramAndCommandLineAndGivesBackItsPortOnClose() {
        calls.procArgs2 = procArgs("/opt/homebrew/bin/python3", "python3", "-m", "http.server");
        TargetProcess target = ScriptedTargets.provider(calls, MAC_X86_64).attach(PID);

        assertThat(target.pid()).isEqualTo(PID);
        assertThat(target.executablePath()).endsWith("/Python.app/Contents/MacOS/Python");
        assertThat(target.commandLine()).containsExactly("python3", "-m", "http.server");
        assertThat(target.fileAsSeenByTarget("/usr/lib/libSystem.B.dylib")).hasToString("/usr/lib/libSystem.B.dylib");
        assertThat(target.isAlive()).isTrue();
        assertThat(calls.leakedPorts()).containsOnlyKeys(ScriptedMacCalls.TASK_PORT);

        target.close();
        target.close();
        assertThat(calls.leakedPorts()).isEmpty();
        assertThat(target.isAlive()).isFalse();
    }

    @Test
    void aProgramHeaderThatCannotBeReadLeavesTheMachinesArchitecture() {
        calls.region(0x1_0000_0000L, 0x4000, 5, 0, calls.programs.get(PID));
        try (TargetProcess target = ScriptedTargets.provider(calls, ScriptedTargets.MAC_ARM64).attach(PID)) {
            assertThat(target.platform()).isEqualTo(ScriptedTargets.MAC_ARM64);
        }
    }

    @Test
    void aCommandLineThatCannotBeReadIsEmpty() {
        try (TargetProcess target = ScriptedTargets.attach(calls)) {
            assertThat(target.commandLine()).isEmpty();
        }
    }

    /** The KERN_PROCARGS2 area: argc, the exec path, padding, then the arguments and an environment string. */
    static byte[] procArgs(String executable, String... arguments) {
        ByteBuffer area = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        area.putInt(arguments.length);
        area.put(executable.getBytes(StandardCharsets.UTF_8)).put(new byte[7]);
        for (String argument : arguments) {
            area.put(argument.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
        }
        area.put("HOME=/Users/me".getBytes(StandardCharsets.UTF_8)).put((byte) 0);
        byte[] bytes = new byte[area.position()];
        area.flip().get(bytes);
        return bytes;
    }
}
