// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.jna;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;

/**
 * A failed C library call: which call, on what, and its errno with name and {@code strerror} text.
 * Callers that expect some errno values (a thread that vanished answers ESRCH) test {@link #errno()}.
 */
public final class NativeCallException extends SpyException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;

    NativeCallException(String call, String subject, int errno, String description) {
        super(kindOf(errno), call + " on " + subject + " failed: " + Errno.name(errno) + " (" + description + ")");
        this.call = call;
        this.errno = errno;
    }

    /** The C call that failed, e.g. {@code ptrace(PTRACE_SEIZE)}. */
    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }

    private static FailureKind kindOf(int errno) {
        return switch (errno) {
            case Errno.ESRCH -> FailureKind.PROCESS_EXITED;
            case Errno.EPERM, Errno.EACCES -> FailureKind.PERMISSION_DENIED;
            case Errno.EFAULT, Errno.EIO -> FailureKind.MEMORY_READ;
            default -> FailureKind.INTERNAL;
        };
    }
}
