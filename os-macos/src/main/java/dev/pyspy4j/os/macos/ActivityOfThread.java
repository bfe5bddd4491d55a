// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.os.macos.decode.ThreadBasicInfo;
import dev.pyspy4j.spi.process.ThreadActivity;

/**
 * py-spy's idle rule on macOS: a thread is active when {@code thread_basic_info.run_state} is
 * {@code TH_STATE_RUNNING} and {@code TH_FLAGS_IDLE} is not set; waiting, stopped, halted and uninterruptible
 * threads are idle.
 */
final class ActivityOfThread {
    private ActivityOfThread() {
    }

    static ThreadActivity of(ThreadBasicInfo info) {
        boolean running = info.runState() == ThreadBasicInfo.TH_STATE_RUNNING
                && (info.flags() & ThreadBasicInfo.TH_FLAGS_IDLE) == 0;
        return running ? ThreadActivity.ACTIVE : ThreadActivity.IDLE;
    }
}
