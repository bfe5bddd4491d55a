// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import java.util.Locale;

/**
 * A Windows call that failed: the function and its error, a Win32 error code ({@code GetLastError()}) or, for the
 * {@code Nt*} functions, an NTSTATUS. {@link WindowsErrors} turns it into the user's one-line failure.
 */
public final class WindowsCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String function;
    private final int code;
    private final boolean ntStatus;

    private WindowsCallException(String function, int code, boolean ntStatus) {
        super(function + " failed with " + (ntStatus ? String.format(Locale.ROOT, "NTSTATUS 0x%08x", code)
                : "error " + Integer.toUnsignedString(code)));
        this.function = function;
        this.code = code;
        this.ntStatus = ntStatus;
    }

    /** A Win32 function that failed with {@code GetLastError()} = {@code error}. */
    public static WindowsCallException win32(String function, int error) {
        return new WindowsCallException(function, error, false);
    }

    /** An ntdll function that returned the failure {@code status}. */
    public static WindowsCallException ntStatus(String function, int status) {
        return new WindowsCallException(function, status, true);
    }

    public String function() {
        return function;
    }

    /** The Win32 error code, or the NTSTATUS when {@link #isNtStatus()}. */
    public int code() {
        return code;
    }

    public boolean isNtStatus() {
        return ntStatus;
    }

    /** Whether this is the Win32 error {@code error}. */
    public boolean isWin32(int error) {
        return !ntStatus && code == error;
    }

    /** Whether this is the NTSTATUS {@code status}. */
    public boolean isStatus(int status) {
        return ntStatus && code == status;
    }
}
