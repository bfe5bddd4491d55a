// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.os.linux.proc.TaskStat;
import java.util.Optional;

/** Whether a process still runs: it exists and is not a zombie, a dead task about to vanish, or exiting. */
final class ProcessLiveness {
    private ProcessLiveness() {
    }

    static boolean isAlive(ProcFs proc) {
        Optional<TaskStat> main = proc.stat();
        if (main.isEmpty()) {
            return false;
        }
        if (!isEnding(main.get())) {
            return true;
        }
        // A main thread that called pthread_exit is a zombie while the other threads still run.
        return main.get().threadCount() > 1 && proc.taskIds().stream()
                .anyMatch(tid -> proc.taskStat(tid).map(stat -> !isEnding(stat)).orElse(false));
    }

    static boolean isDead(char state) {
        return state == 'Z' || state == 'X' || state == 'x';
    }

    /** Dead, or on its way: an exit_group kills every thread, and the killed ones run a while before they are dead. */
    static boolean isEnding(TaskStat stat) {
        return isDead(stat.state()) || stat.isExiting();
    }
}
