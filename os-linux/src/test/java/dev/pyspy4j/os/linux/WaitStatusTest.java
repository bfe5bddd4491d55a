// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Status words built as the kernel builds them (kernel/exit.c, kernel/ptrace.c). */
class WaitStatusTest {
    private static final int SIGTRAP = 5;
    private static final int SIGKILL = 9;
    private static final int SIGUSR1 = 10;

    @Test
    void normalExit() {
        WaitStatus status = new WaitStatus(3 << 8);
        assertThat(status.exited()).isTrue();
        assertThat(status.stopped()).isFalse();
        assertThat(status.killedBySignal()).isFalse();
    }

    @Test
    void killedBySignal() {
        WaitStatus status = new WaitStatus(SIGKILL);
        assertThat(status.killedBySignal()).isTrue();
        assertThat(status.exited()).isFalse();
        assertThat(status.stopped()).isFalse();
    }

    @Test
    void interruptStopCarriesTheEventStop() {
        WaitStatus status = new WaitStatus(WaitStatus.PTRACE_EVENT_STOP << 16 | SIGTRAP << 8 | 0x7f);
        assertThat(status.stopped()).isTrue();
        assertThat(status.event()).isEqualTo(WaitStatus.PTRACE_EVENT_STOP);
        assertThat(status.isSignalDeliveryStop()).isFalse();
        assertThat(status.killedBySignal()).isFalse();
    }

    @Test
    void signalDeliveryStopCarriesTheSignal() {
        WaitStatus status = new WaitStatus(SIGUSR1 << 8 | 0x7f);
        assertThat(status.isSignalDeliveryStop()).isTrue();
        assertThat(status.stopSignal()).isEqualTo(SIGUSR1);
    }
}
