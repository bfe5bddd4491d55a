// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import static dev.pyspy4j.os.freebsd.ScriptedProcesses.DATA_START;
import static dev.pyspy4j.os.freebsd.ScriptedProcesses.MAIN_TID;
import static dev.pyspy4j.os.freebsd.ScriptedProcesses.PID;
import static dev.pyspy4j.os.freebsd.ScriptedProcesses.TEXT_START;
import static dev.pyspy4j.os.freebsd.ScriptedProcesses.WORKER_TID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.os.freebsd.kinfo.KinfoBytes;
import dev.pyspy4j.os.freebsd.kinfo.KinfoProc;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The target's logic on scripted call results (see {@link ScriptedFreeBsdCalls}), not on a FreeBSD kernel. */
class FreeBsdTargetProcessTest {
    private final ScriptedFreeBsdCalls calls = ScriptedProcesses.python();
    private final FreeBsdTargetProcess target = new FreeBsdTargetProcess(calls, PID);

    @Test
    void regionsComeFromTheVmmapRecords() {
        assertThat(target.regions()).containsExactly(
                new MemoryRegion(TEXT_START, TEXT_START + 0x45000, "r-xp", 0, ScriptedProcesses.EXECUTABLE),
                new MemoryRegion(DATA_START, DATA_START + 0x21000, "rw-p", 0, ""),
                new MemoryRegion(0x7fffdfffe000L, 0x7ffffffdf000L, "rw-p", 0, "[stack]"));
        assertThat(calls.traceCalls()).as("listing regions must not stop the target").isEmpty();
    }

    @Test
    void sharedMappingsAreMarkedShared() {
        calls.sysctls.put("vmmap", KinfoBytes.packedVmentry(2, 0x1000, 0x3000, 0x2000, 0, 1, "/tmp/shm"));
        assertThat(target.regions()).containsExactly(new MemoryRegion(0x1000, 0x3000, "r--s", 0x2000, "/tmp/shm"));
    }

    @Test
    void threadsAreThePerThreadRecordsWithTheirLwpIdsAndNames() {
        assertThat(target.threads()).containsExactly(new NativeThread(MAIN_TID, "python3.11"),
                new NativeThread(WORKER_TID, "worker"));
        assertThat(calls.traceCalls()).as("listing threads must not stop the target").isEmpty();
    }

    @Test
    void zombieThreadsAreNotListed() {
        calls.sysctls.put("threads", KinfoBytes.concat(List.of(
                KinfoBytes.kinfoProc(PID, MAIN_TID, KinfoProc.SRUN, "python3.11", "python3.11", "", 0, 2),
                KinfoBytes.kinfoProc(PID, WORKER_TID, KinfoProc.SZOMB, "python3.11", "worker", "", 0, 2))));
        assertThat(target.threads()).extracting(NativeThread::tid).containsExactly((long) MAIN_TID);
    }

    @Test
    void executableAndCommandLineComeFromTheirSysctls() {
        assertThat(target.executablePath()).isEqualTo(ScriptedProcesses.EXECUTABLE);
        assertThat(target.commandLine()).containsExactly("python3.11", "app.py", "--fast");
        assertThat(target.platform().os()).isEqualTo(OsFamily.FREEBSD);
    }

    @Test
    void aReadOutsideAPauseStopsTheTargetForTheBatchOnly() {
        ByteBuffer first = ByteBuffer.allocate(4);
        ByteBuffer second = ByteBuffer.allocate(8);
        target.memory().readAll(List.of(new ReadRequest(TEXT_START, first), new ReadRequest(DATA_START + 2, second)));
        assertThat(first.array()).containsExactly(0x7f, 'E', 'L', 'F');
        assertThat(second.array()).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(calls.traceCalls()).containsExactly("PT_ATTACH", "waitpid", "PT_IO 0x200000 4",
                "PT_IO 0x800000002 8", "PT_DETACH 0");
    }

    @Test
    void readsInsideAPauseDoNotAttachAgain() {
        try (PauseHandle pause = target.pause()) {
            target.memory().readLong(DATA_START);
            target.memory().readInt(TEXT_START);
        }
        assertThat(calls.traceCalls()).containsExactly("PT_ATTACH", "waitpid", "PT_IO 0x800000000 8",
                "PT_IO 0x200000 4", "PT_DETACH 0");
    }

    @Test
    void aFailingReadInTheMiddleOfABatchStillResumesTheTarget() {
        List<ReadRequest> batch = List.of(new ReadRequest(TEXT_START, ByteBuffer.allocate(4)),
                new ReadRequest(0x5000, ByteBuffer.allocate(8)),
                new ReadRequest(DATA_START, ByteBuffer.allocate(8)));
        assertThatThrownBy(() -> target.memory().readAll(batch))
                .isInstanceOfSatisfying(SpyException.class, ofKind(FailureKind.MEMORY_READ))
                .hasMessage("cannot read 8 bytes at 0x5000 in process 4242");
        assertThat(calls.traceCalls()).containsExactly("PT_ATTACH", "waitpid", "PT_IO 0x200000 4", "PT_IO 0x5000 8",
                "PT_DETACH 0");
        assertThat(calls.isTraced()).isFalse();
    }

    @Test
    void aShortCopyIsAFailedRead() {
        assertThatThrownBy(() -> target.memory().readBytes(TEXT_START + 4, 8))
                .hasMessage("cannot read 8 bytes at 0x200004 in process 4242");
        assertThat(calls.isTraced()).isFalse();
    }

    @Test
    void aFailingReadInsideAPauseLeavesThePauseToItsHandle() {
        try (PauseHandle pause = target.pause()) {
            assertThatThrownBy(() -> target.memory().readLong(0x5000)).isInstanceOf(SpyException.class);
            assertThat(calls.isTraced()).as("still paused until the handle closes").isTrue();
        }
        assertThat(calls.isTraced()).isFalse();
        assertThat(calls.traceCalls()).containsExactly("PT_ATTACH", "waitpid", "PT_IO 0x5000 8", "PT_DETACH 0");
    }

    @Test
    void aPauseListsTheStoppedLwpsAndReadsTheirRegisters() {
        long[] dwarf = LongStream.range(0, Registers.X86_64_COUNT).map(n -> 0x7000 + n).toArray();
        calls.registers.put(WORKER_TID, KinfoBytes.amdRegisters(dwarf));
        try (PauseHandle pause = target.pause()) {
            assertThat(pause.stoppedThreads()).containsExactly((long) MAIN_TID, (long) WORKER_TID);
            assertThat(pause.registers(WORKER_TID)).hasValueSatisfying(registers -> {
                assertThat(registers.instructionPointer()).isEqualTo(0x7010);
                assertThat(registers.stackPointer()).isEqualTo(0x7007);
            });
            assertThat(pause.registers(MAIN_TID)).as("PT_GETREGS failed for it").isEmpty();
            assertThat(pause.registers(1)).as("not a thread of the process").isEmpty();
        }
        assertThat(calls.traceCalls()).containsExactly("PT_ATTACH", "waitpid", "PT_GETNUMLWPS", "PT_GETLWPLIST",
                "PT_GETREGS " + WORKER_TID, "PT_GETREGS " + MAIN_TID, "PT_DETACH 0");
    }

    @Test
    void registersOfAPauseWhoseThreadsCannotBeListedAreEmpty() {
        calls.failing.put("PT_GETNUMLWPS", FreeBsdCallException.EINVAL);
        try (PauseHandle pause = target.pause()) {
            assertThat(pause.registers(MAIN_TID)).isEmpty();
            assertThatThrownBy(pause::stoppedThreads).isInstanceOf(SpyException.class);
        }
        assertThat(calls.isTraced()).isFalse();
    }

    @Test
    void aClosedPauseTellsNothingAndClosingTwiceResumesOnce() {
        PauseHandle pause = target.pause();
        pause.close();
        pause.close();
        assertThat(pause.stoppedThreads()).isEmpty();
        assertThat(pause.registers(MAIN_TID)).isEmpty();
        assertThat(calls.traceCalls()).containsExactly("PT_ATTACH", "waitpid", "PT_DETACH 0");
    }

    @Test
    void closingTheTargetResumesAPauseLeftOpen() {
        target.pause();
        target.close();
        assertThat(calls.isTraced()).isFalse();
        assertThat(calls.traceCalls()).containsExactly("PT_ATTACH", "waitpid", "PT_DETACH 0");
    }

    @Test
    void aSignalThatArrivesBeforeTheSigstopIsPassedOnWhenResuming() {
        int sigalrm = 14;
        calls.waitStatuses.add(WaitStatus.stoppedBy(sigalrm));
        target.memory().readLong(DATA_START);
        assertThat(calls.traceCalls()).containsExactly("PT_ATTACH", "waitpid", "PT_CONTINUE 0", "waitpid",
                "PT_IO 0x800000000 8", "PT_DETACH " + sigalrm);
    }

    @Test
    void aTargetThatNeverReachesTheSigstopIsLetGo() {
        for (int i = 0; i < 65; i++) {
            calls.waitStatuses.add(WaitStatus.stoppedBy(14));
        }
        assertThatThrownBy(() -> target.memory().readLong(DATA_START))
                .hasMessage("process 4242 did not stop for the debugger's SIGSTOP within 64 other signals");
        assertThat(calls.isTraced()).isFalse();
        assertThat(calls.traceCalls()).endsWith("PT_DETACH 14");
    }

    @Test
    void aTargetThatExitsWhileBeingStoppedIsReportedExited() {
        calls.waitStatuses.add(0); // WIFEXITED, status 0
        assertThatThrownBy(() -> target.memory().readLong(DATA_START))
                .isInstanceOfSatisfying(SpyException.class, ofKind(FailureKind.PROCESS_EXITED))
                .hasMessage("process 4242 has exited");
        assertThat(calls.traceCalls()).doesNotContain("PT_IO 0x800000000 8");
    }

    @Test
    void aTargetGoneBeforeAttachingIsReportedExited() {
        calls.failing.put("PT_ATTACH", FreeBsdCallException.ESRCH);
        assertThatThrownBy(() -> target.memory().readLong(DATA_START))
                .isInstanceOfSatisfying(SpyException.class, ofKind(FailureKind.PROCESS_EXITED));
    }

    @Test
    void aResumeThatFindsTheTargetGoneIsNoFailure() {
        PauseHandle pause = target.pause();
        calls.failing.put("PT_DETACH", FreeBsdCallException.ESRCH);
        pause.close();
        assertThat(calls.traceCalls()).endsWith("PT_DETACH 0");
    }

    @Test
    void livenessFollowsTheProcessRecord() {
        assertThat(target.isAlive()).isTrue();
        calls.sysctls.put("pid", ScriptedProcesses.process(KinfoProc.SZOMB, 0));
        assertThat(target.isAlive()).isFalse();
        calls.sysctls.remove("pid");
        assertThat(target.isAlive()).isFalse();
    }

    @Test
    void aVanishedProcessHasNoRegionsButAnExitedFailure() {
        calls.sysctls.remove("vmmap");
        assertThatThrownBy(target::regions)
                .isInstanceOfSatisfying(SpyException.class, ofKind(FailureKind.PROCESS_EXITED));
    }

    @Test
    void aMissingExecutablePathSaysWhatFailed() {
        calls.failing.put("sysctl:pathname", FreeBsdCallException.ENOENT);
        assertThatThrownBy(target::executablePath)
                .isInstanceOfSatisfying(SpyException.class, ofKind(FailureKind.NOT_PYTHON))
                .hasMessage("cannot find the executable of process 4242 (kern.proc.pathname failed with errno 2);"
                        + " check that it is running");
    }

    private static Consumer<SpyException> ofKind(FailureKind kind) {
        return e -> assertThat(e.kind()).isEqualTo(kind);
    }
}
