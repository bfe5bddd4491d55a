// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.PauseHandle;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Pausing real CPython processes with ptrace. */
@EnabledOnOs(OS.LINUX)
class PauseIT {
    private PythonProcess python;
    private LinuxTargetProcess target;

    @AfterEach
    void stop() {
        if (target != null) {
            target.close();
        }
        if (python != null) {
            python.close();
        }
    }

    @Test
    void pauseStopsEveryThreadAndResumeRestartsThem() throws Exception {
        attach("busy_threads.py", "3");
        try (PauseHandle paused = target.pause()) {
            assertThat(python.threadStates()).hasSize(4).containsOnly('t');
        }
        assertThat(python.threadStates()).hasSize(4).doesNotContain('t', 'T');
    }

    @Test
    void thousandCyclesKeepABusyTargetRunning() throws Exception {
        attach("busy_threads.py", "4");
        long before = latestCount();
        for (int i = 0; i < 1000; i++) {
            try (PauseHandle paused = target.pause()) {
                target.memory().readLong(libpythonStart());
            }
        }
        assertThat(python.threadStates()).doesNotContain('t', 'T');
        assertThat(latestCount()).isGreaterThan(before);
    }

    @Test
    void threadsStartedDuringPausingAreStoppedToo() throws Exception {
        attach("thread_churn.py");
        for (int i = 0; i < 200; i++) {
            try (PauseHandle paused = target.pause()) {
                assertThat(python.threadStates()).containsOnly('t');
            }
        }
        assertThat(python.threadStates()).doesNotContain('t', 'T');
    }

    @Test
    void signalsArrivingWhilePausingAreNeverLost() throws Exception {
        attach("signal_counter.py");
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            // Each signal lands at an arbitrary point of the pause cycle; a lost one is never acknowledged.
            Future<String> lastAcknowledgement = sender.submit(() -> sendAndAwaitAcknowledgements(30));
            while (!lastAcknowledgement.isDone()) {
                try (PauseHandle paused = target.pause()) {
                    target.memory().readLong(libpythonStart());
                }
            }
            assertThat(lastAcknowledgement.get()).isEqualTo("usr1 30");
        } finally {
            sender.shutdownNow();
        }
    }

    @Test
    void closingTheHandleTwiceResumesOnce() throws Exception {
        attach("busy_threads.py", "2");
        PauseHandle paused = target.pause();
        paused.close();
        paused.close();
        try (PauseHandle again = target.pause()) {
            assertThat(python.threadStates()).containsOnly('t');
            paused.close();
            assertThat(python.threadStates()).containsOnly('t');
        }
        assertThat(python.threadStates()).doesNotContain('t');
    }

    @Test
    void closingTheTargetWhilePausedResumesIt() throws Exception {
        attach("busy_threads.py", "2");
        PauseHandle paused = target.pause();
        target.close();
        assertThat(python.threadStates()).hasSize(3).doesNotContain('t', 'T');
        paused.close();
        assertThatThrownBy(target::pause).isInstanceOf(SpyException.class);
    }

    @Test
    void aTargetTracedByAnotherTracerIsReportedWithThatTracer() throws Exception {
        attach("busy_threads.py", "1");
        try (LinuxTargetProcess second = new LinuxTargetProcess(python.pid());
                PauseHandle paused = target.pause()) {
            assertThatThrownBy(second::pause)
                    .isInstanceOf(SpyException.class)
                    .hasMessage("cannot pause process " + python.pid() + ": it is already traced by process "
                            + ProcessHandle.current().pid() + " (a debugger or another profiler)")
                    .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.PERMISSION_DENIED);
            assertThat(python.threadStates()).containsOnly('t');
        }
        assertThat(python.threadStates()).doesNotContain('t', 'T');
    }

    @Test
    void aTargetKilledWhilePausedReportsProcessExited() throws Exception {
        attach("busy_threads.py", "2");
        long address = libpythonStart();
        PauseHandle paused = target.pause();
        python.kill();
        paused.close();
        assertThatThrownBy(() -> target.memory().read(address, ByteBuffer.allocate(8)))
                .isInstanceOf(SpyException.class)
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.PROCESS_EXITED);
        assertThatThrownBy(target::pause)
                .isInstanceOf(SpyException.class)
                .hasMessage("process " + python.pid() + " has exited")
                .extracting(e -> ((SpyException) e).kind()).isEqualTo(FailureKind.PROCESS_EXITED);
        assertThat(target.isAlive()).isFalse();
    }

    @Test
    void aTargetExitingWhileBeingReadReportsProcessExited() throws Exception {
        attach("exit_soon.py", "0.5");
        long address = libpythonStart();
        SpyException failure = null;
        while (failure == null) {
            try (PauseHandle paused = target.pause()) {
                target.memory().readLong(address);
            } catch (SpyException e) {
                failure = e;
            }
        }
        assertThat(failure.kind()).isEqualTo(FailureKind.PROCESS_EXITED);
        target.close();
        // Threads killed while traced by us must be reaped by us before the process can be reaped by its shell.
        assertThat(python.endsWithin(10)).isTrue();
    }

    @Test
    void aDirectChildOfThisJvmCanBePausedDespiteTheJdkReaper() throws Exception {
        // The reaper still takes some stop reports and then believes the process exited, closing its pipes:
        // this script prints nothing after "ready" and so survives that.
        python = PythonProcess.startAsChild("sleeper_and_spinner.py");
        target = (LinuxTargetProcess) new LinuxProcessAccessProvider().attach(python.pid());
        for (int i = 0; i < 100; i++) {
            try (PauseHandle paused = target.pause()) {
                assertThat(python.threadStates()).hasSize(3).containsOnly('t');
            }
        }
        assertThat(python.threadStates()).doesNotContain('t', 'T');
    }

    private void attach(String script, String... arguments) throws Exception {
        python = PythonProcess.start(script, arguments);
        target = (LinuxTargetProcess) new LinuxProcessAccessProvider().attach(python.pid());
    }

    private long libpythonStart() {
        List<MemoryRegion> regions = target.regions();
        return regions.stream().filter(r -> r.path().contains("libpython3.11")).findFirst().orElseThrow().start();
    }

    private String sendAndAwaitAcknowledgements(int signals) throws Exception {
        String acknowledgement = null;
        for (int i = 1; i <= signals; i++) {
            new ProcessBuilder("kill", "-USR1", Long.toString(python.pid())).start().waitFor();
            acknowledgement = python.nextLine(10);
            if (!("usr1 " + i).equals(acknowledgement)) {
                return acknowledgement;
            }
        }
        return acknowledgement;
    }

    private long latestCount() throws InterruptedException {
        python.skipPrinted();
        String line = python.nextLine(10);
        return Long.parseLong(line.substring("count ".length()));
    }
}
