// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.os.linux.proc.ProcSyscall;
import dev.pyspy4j.os.linux.proc.TaskStat;
import dev.pyspy4j.spi.process.ThreadActivity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/** Decides whether one thread is active from its {@code /proc} files. */
final class ActivityClassifier {
    private final boolean consultSyscall;

    /** @param consultSyscall whether a runnable thread's current system call may overrule its scheduler state */
    ActivityClassifier(boolean consultSyscall) {
        this.consultSyscall = consultSyscall;
    }

    Optional<ThreadActivity> classify(TaskFiles files, ByteBuffer buffer) throws IOException {
        int length = files.readStat(buffer);
        if (length == 0) {
            return Optional.empty();
        }
        char state = TaskStat.stateOf(buffer, length);
        if (state == '\0') {
            return Optional.of(ThreadActivity.UNKNOWN);
        }
        if (state != 'R') {
            return Optional.of(ThreadActivity.IDLE);
        }
        if (consultSyscall) {
            int syscall = ProcSyscall.syscallOf(buffer, files.readSyscall(buffer));
            if (syscall >= 0) {
                return Optional.of(ThreadActivity.IDLE);
            }
        }
        return Optional.of(ThreadActivity.ACTIVE);
    }
}
