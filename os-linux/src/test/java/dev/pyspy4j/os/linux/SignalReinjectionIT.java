// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.os.linux.jna.LinuxCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The rare order that pausing must survive: a signal reaches a seized thread before the interrupt does, so the
 * thread reports a signal-delivery stop first. Forced here by sending the signal between seize and interrupt.
 * All ptrace calls come from the test thread, which is therefore the tracer.
 */
@EnabledOnOs(OS.LINUX)
class SignalReinjectionIT {
    private static final int SIGUSR1 = 10;

    private PythonProcess python;

    @AfterEach
    void stop() {
        python.close();
    }

    @Test
    void aSignalDeliveryStopIsReportedAndItsSignalDeliveredOnResume() throws Exception {
        python = PythonProcess.start("signal_counter.py");
        int tid = (int) python.pid();
        LinuxCalls.ptraceSeize(tid, 0);
        new ProcessBuilder("kill", "-USR1", Integer.toString(tid)).start().waitFor();
        awaitState(tid, 't');
        LinuxCalls.ptraceInterrupt(tid);
        int signal = new StopWaiter(new ProcFs(tid)).await(tid, true);
        assertThat(signal).isEqualTo(SIGUSR1);
        assertThat(python.nextLine(1)).isNull();
        LinuxCalls.ptraceDetach(tid, signal);
        assertThat(python.nextLine(10)).isEqualTo("usr1 1");
    }

    private static void awaitState(int tid, char state) throws InterruptedException {
        ProcFs proc = new ProcFs(tid);
        while (proc.taskStat(tid).orElseThrow().state() != state) {
            Thread.sleep(1);
        }
    }
}
