// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import static dev.pyspy4j.os.windows.WaitStateClassifier.classify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.process.ThreadActivity;
import org.junit.jupiter.api.Test;

/** Which scheduler states and wait reasons count as idle. */
class WaitStateClassifierTest {
    @Test
    void runningReadyAndAboutToRunAreActive() {
        for (int state : new int[] {WaitStateClassifier.INITIALIZED, WaitStateClassifier.READY,
                WaitStateClassifier.RUNNING, WaitStateClassifier.STANDBY, WaitStateClassifier.TRANSITION,
                WaitStateClassifier.DEFERRED_READY, WaitStateClassifier.WAITING_FOR_PROCESS_IN_SWAP}) {
            assertThat(classify(state, 0)).as("state %d", state).isEqualTo(ThreadActivity.ACTIVE);
        }
    }

    @Test
    void waitingForAnObjectASleepOrAQueueIsIdle() {
        assertThat(classify(WaitStateClassifier.WAITING, WaitStateClassifier.WAIT_USER_REQUEST))
                .isEqualTo(ThreadActivity.IDLE);
        assertThat(classify(WaitStateClassifier.WAITING, WaitStateClassifier.WAIT_DELAY_EXECUTION))
                .isEqualTo(ThreadActivity.IDLE);
        assertThat(classify(WaitStateClassifier.WAITING, WaitStateClassifier.WAIT_WR_QUEUE))
                .isEqualTo(ThreadActivity.IDLE);
        assertThat(classify(WaitStateClassifier.WAITING, 0)).isEqualTo(ThreadActivity.IDLE);
        assertThat(classify(WaitStateClassifier.GATE_WAIT_OBSOLETE, 0)).isEqualTo(ThreadActivity.IDLE);
    }

    @Test
    void waitingForThePagerIsWork() {
        for (int reason : new int[] {WaitStateClassifier.WAIT_FREE_PAGE, WaitStateClassifier.WAIT_PAGE_IN,
                WaitStateClassifier.WAIT_POOL_ALLOCATION, WaitStateClassifier.WAIT_WR_FREE_PAGE,
                WaitStateClassifier.WAIT_WR_PAGE_IN, WaitStateClassifier.WAIT_WR_POOL_ALLOCATION,
                WaitStateClassifier.WAIT_WR_VIRTUAL_MEMORY, WaitStateClassifier.WAIT_WR_PAGE_OUT}) {
            assertThat(classify(WaitStateClassifier.WAITING, reason)).as("reason %d", reason)
                    .isEqualTo(ThreadActivity.ACTIVE);
        }
    }

    @Test
    void terminatedAndUnknownStatesAreUnknown() {
        assertThat(classify(WaitStateClassifier.TERMINATED, 0)).isEqualTo(ThreadActivity.UNKNOWN);
        assertThat(classify(10, 0)).isEqualTo(ThreadActivity.UNKNOWN);
        assertThat(classify(-1, 0)).isEqualTo(ThreadActivity.UNKNOWN);
    }
}
