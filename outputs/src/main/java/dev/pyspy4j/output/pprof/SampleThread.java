// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.pprof;

/**
 * The labels of one thread's samples, as string-table indices: {@code thread_id} (the OS thread id, or the
 * interpreter's pthread id in hexadecimal when unknown), {@code thread_name} when the thread has one, and
 * {@code pid} when sampling a process tree ({@code --subprocesses}).
 *
 * @param threadId   index of the thread id's text, 0 when the thread is unknown
 * @param threadName index of the name, 0 for none
 * @param pid        the process id, or -1 when not labelled
 */
record SampleThread(long threadId, long threadName, long pid) {
    static final long NO_PID = -1;

    boolean hasId() {
        return threadId != 0;
    }

    boolean hasName() {
        return threadName != 0;
    }

    boolean hasPid() {
        return pid != NO_PID;
    }
}
