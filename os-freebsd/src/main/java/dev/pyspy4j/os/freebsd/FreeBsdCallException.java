// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

/** A FreeBSD system call that failed, with the errno it set; turned into a {@code SpyException} by the provider. */
public final class FreeBsdCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The errno values the provider tells apart (sys/sys/errno.h). */
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EIO = 5;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EFAULT = 14;
    public static final int EBUSY = 16;
    public static final int EINVAL = 22;

    private final String call;
    private final int errno;

    public FreeBsdCallException(String call, int errno) {
        super(call + " failed with errno " + errno);
        this.call = call;
        this.errno = errno;
    }

    /** The call that failed, e.g. {@code ptrace(PT_ATTACH)}. */
    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }

    /** Whether the kernel refused for lack of privilege. */
    public boolean isRefusal() {
        return errno == EPERM || errno == EACCES;
    }
}
