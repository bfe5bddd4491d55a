// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;

/**
 * Turns failed Windows calls into the user's one-line failures, worded as the Linux provider words them so that a
 * message means the same on every system. The codes: Win32 errors from {@code winerror.h}, NTSTATUS values from
 * {@code ntstatus.h}.
 */
final class WindowsErrors {
    static final int ERROR_ACCESS_DENIED = 5;
    static final int ERROR_INVALID_HANDLE = 6;
    static final int ERROR_INVALID_PARAMETER = 87;
    static final int ERROR_PARTIAL_COPY = 299;
    static final int STATUS_ACCESS_DENIED = 0xC0000022;
    static final int STATUS_INVALID_HANDLE = 0xC0000008;
    static final int STATUS_PROCESS_IS_TERMINATING = 0xC000010A;
    /** What {@code GetExitCodeProcess} reports while the process runs. */
    static final int STILL_ACTIVE = 259;

    private static final String ELEVATION_HINT = " (run as Administrator, or as the user who started it)";

    private WindowsErrors() {
    }

    /** {@code OpenProcess} failed: the pid names no process (87), or the process is not ours to open (5). */
    static SpyException openFailed(long pid, WindowsCallException e) {
        if (e.isWin32(ERROR_INVALID_PARAMETER)) {
            return new SpyException(FailureKind.PROCESS_NOT_FOUND, "no process with pid " + pid, e);
        }
        if (isAccessDenied(e)) {
            return permissionDenied(pid, "opening", e);
        }
        return new SpyException(FailureKind.MEMORY_READ, "cannot open process " + pid + ": " + e.getMessage(), e);
    }

    /** {@code ReadProcessMemory} failed; {@code alive} says whether the process still runs. */
    static SpyException readFailed(long pid, long address, long length, WindowsCallException e, boolean alive) {
        if (!alive) {
            return exited(pid);
        }
        if (isAccessDenied(e)) {
            return permissionDenied(pid, "reading", e);
        }
        String what = "cannot read " + length + " bytes at 0x" + Long.toHexString(address) + " in process " + pid;
        if (e.isWin32(ERROR_PARTIAL_COPY)) {
            return new SpyException(FailureKind.MEMORY_READ, what, e);
        }
        return new SpyException(FailureKind.MEMORY_READ, what + ": " + e.getMessage(), e);
    }

    /** Any other call about process {@code pid} failed while doing {@code doing} ("suspending", "listing threads"). */
    static SpyException callFailed(long pid, String doing, WindowsCallException e, boolean alive) {
        if (!alive || e.isStatus(STATUS_PROCESS_IS_TERMINATING)) {
            return exited(pid);
        }
        if (isAccessDenied(e)) {
            return permissionDenied(pid, doing, e);
        }
        return new SpyException(FailureKind.MEMORY_READ, "failed " + doing + " process " + pid + ": "
                + e.getMessage(), e);
    }

    static SpyException exited(long pid) {
        return new SpyException(FailureKind.PROCESS_EXITED, "process " + pid + " has exited");
    }

    static boolean isAccessDenied(WindowsCallException e) {
        return e.isWin32(ERROR_ACCESS_DENIED) || e.isStatus(STATUS_ACCESS_DENIED);
    }

    private static SpyException permissionDenied(long pid, String doing, WindowsCallException e) {
        return new SpyException(FailureKind.PERMISSION_DENIED, "permission denied " + doing + " process " + pid
                + ELEVATION_HINT, e);
    }
}
