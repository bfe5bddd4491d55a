// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.calls;

/**
 * A system call of {@link MacCalls} that failed, with the code it returned: a {@code kern_return_t} for Mach calls,
 * an {@code errno} for BSD ones. The provider turns it into a {@code SpyException} with a message for users.
 */
public final class MachCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int code;
    private final boolean errno;

    private MachCallException(String call, int code, boolean errno) {
        super(call + " failed: " + (errno ? "errno " + code : KernReturn.describe(code)));
        this.call = call;
        this.code = code;
        this.errno = errno;
    }

    /** A Mach call that returned {@code kernReturn}. */
    public static MachCallException kern(String call, int kernReturn) {
        return new MachCallException(call, kernReturn, false);
    }

    /** A BSD call that set {@code errno}. */
    public static MachCallException errno(String call, int errno) {
        return new MachCallException(call, errno, true);
    }

    public String call() {
        return call;
    }

    public int code() {
        return code;
    }

    /** Whether {@link #code} is an {@code errno} rather than a {@code kern_return_t}. */
    public boolean isErrno() {
        return errno;
    }
}
