// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import dev.pyspy4j.spi.process.ThreadActivity;

/**
 * Tells an idle thread from a working one by the scheduler's view of it: its {@code KTHREAD_STATE} and, for a waiting
 * thread, its {@code KWAIT_REASON} (values as phnt's {@code ntkeapi.h} numbers them). A thread waiting for an object,
 * an alertable sleep, a queue or a message is idle, as it is when py-spy finds it inside a system call; a thread
 * waiting for a page to be read in or a pool allocation stalls inside work it is doing, so it counts as active, as do
 * threads that run, are ready to run or about to.
 */
final class WaitStateClassifier {
    static final int INITIALIZED = 0;
    static final int READY = 1;
    static final int RUNNING = 2;
    static final int STANDBY = 3;
    static final int TERMINATED = 4;
    static final int WAITING = 5;
    static final int TRANSITION = 6;
    static final int DEFERRED_READY = 7;
    static final int GATE_WAIT_OBSOLETE = 8;
    static final int WAITING_FOR_PROCESS_IN_SWAP = 9;

    static final int WAIT_FREE_PAGE = 1;
    static final int WAIT_PAGE_IN = 2;
    static final int WAIT_POOL_ALLOCATION = 3;
    static final int WAIT_DELAY_EXECUTION = 4;
    static final int WAIT_USER_REQUEST = 6;
    static final int WAIT_WR_FREE_PAGE = 8;
    static final int WAIT_WR_PAGE_IN = 9;
    static final int WAIT_WR_POOL_ALLOCATION = 10;
    static final int WAIT_WR_QUEUE = 15;
    static final int WAIT_WR_VIRTUAL_MEMORY = 18;
    static final int WAIT_WR_PAGE_OUT = 19;

    private WaitStateClassifier() {
    }

    static ThreadActivity classify(int state, int waitReason) {
        return switch (state) {
            case WAITING -> isMemoryManagerStall(waitReason) ? ThreadActivity.ACTIVE : ThreadActivity.IDLE;
            case GATE_WAIT_OBSOLETE -> ThreadActivity.IDLE;
            case INITIALIZED, READY, RUNNING, STANDBY, TRANSITION, DEFERRED_READY, WAITING_FOR_PROCESS_IN_SWAP ->
                    ThreadActivity.ACTIVE;
            default -> ThreadActivity.UNKNOWN;
        };
    }

    private static boolean isMemoryManagerStall(int waitReason) {
        return switch (waitReason) {
            case WAIT_FREE_PAGE, WAIT_PAGE_IN, WAIT_POOL_ALLOCATION, WAIT_WR_FREE_PAGE, WAIT_WR_PAGE_IN,
                    WAIT_WR_POOL_ALLOCATION, WAIT_WR_VIRTUAL_MEMORY, WAIT_WR_PAGE_OUT -> true;
            default -> false;
        };
    }
}
