// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.proc;

import java.nio.ByteBuffer;

/**
 * {@code /proc/<pid>/task/<tid>/syscall} (proc(5)): {@code running} for a thread on a CPU or runnable, the
 * number and arguments of the system call a blocked thread waits in, or {@code -1 sp pc} for a thread stopped
 * outside any system call (fs/proc/base.c, proc_pid_syscall).
 */
public final class ProcSyscall {
    /** The thread was running or runnable when looked at. */
    public static final int RUNNING = -2;
    /** The thread is blocked but not in a system call (e.g. a page fault or a stop in user mode). */
    public static final int NONE = -1;
    /** The text had no recognisable shape. */
    public static final int MALFORMED = -3;

    private ProcSyscall() {
    }

    /**
     * The system call number in the text held in {@code bytes} (from 0 to {@code length}), without allocating.
     *
     * @return a number of {@code asm/unistd_64.h}, or {@link #RUNNING}, {@link #NONE} or {@link #MALFORMED}
     */
    public static int syscallOf(ByteBuffer bytes, int length) {
        if (length >= 7 && bytes.get(0) == 'r' && bytes.get(6) == 'g') {
            return RUNNING;
        }
        if (length >= 2 && bytes.get(0) == '-' && bytes.get(1) == '1') {
            return NONE;
        }
        long number = 0;
        int i = 0;
        for (; i < length && i < 6 && bytes.get(i) >= '0' && bytes.get(i) <= '9'; i++) {
            number = number * 10 + bytes.get(i) - '0';
        }
        boolean terminated = i == length || bytes.get(i) == ' ' || bytes.get(i) == '\n';
        return i > 0 && terminated ? (int) number : MALFORMED;
    }
}
