// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

/**
 * The wait(2) status macros of sys/sys/wait.h: {@code WIFSTOPPED(x)} is {@code (x & 0177) == 0177},
 * {@code WSTOPSIG(x)} is {@code x >> 8}.
 */
final class WaitStatus {
    private static final int WSTOPPED = 0177;

    private WaitStatus() {
    }

    static boolean isStopped(int status) {
        return (status & 0177) == WSTOPPED;
    }

    static int stopSignal(int status) {
        return (status >> 8) & 0xff;
    }

    /** The status waitpid reports for a process stopped by {@code signal}. */
    static int stoppedBy(int signal) {
        return (signal << 8) | WSTOPPED;
    }
}
