// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.os.linux.jna.Errno;
import dev.pyspy4j.os.linux.jna.NativeCallException;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ReadRequest;
import java.util.List;

/** The user-facing failures of memory reads, shared by both readers so they speak alike. */
final class ProcessMemoryFailures {
    /** Returned instead of a byte count when the read must be redone through {@code /proc/<pid>/mem}. */
    static final long USE_FALLBACK = -1;

    private ProcessMemoryFailures() {
    }

    static String describe(long pid, long address, long length) {
        return "cannot read " + length + " bytes at 0x" + Long.toHexString(address) + " in process " + pid;
    }

    static SpyException unreadable(long pid, long address, long length) {
        return new SpyException(FailureKind.MEMORY_READ, describe(pid, address, length));
    }

    static SpyException exited(long pid) {
        return new SpyException(FailureKind.PROCESS_EXITED, "process " + pid + " has exited");
    }

    static SpyException permissionDenied(long pid, Throwable cause) {
        return AccessDenials.system().denied(pid, "permission denied reading process " + pid, cause);
    }

    /**
     * The request a short transfer stopped in. process_vm_readv(2) fills the iovecs in order and stops at the
     * first remote range it cannot read, so the request holding byte {@code copied} is the culprit.
     */
    static SpyException firstIncomplete(long pid, List<ReadRequest> chunk, long copied) {
        long end = 0;
        for (ReadRequest request : chunk) {
            end += request.target().remaining();
            if (end > copied) {
                return unreadable(pid, request.address(), request.target().remaining());
            }
        }
        throw new IllegalStateException("no incomplete request among " + chunk.size());
    }

    /** Maps the errno of a failed read other than EFAULT (which the caller turns into a named range). */
    static SpyException translate(long pid, NativeCallException e) {
        return switch (e.errno()) {
            case Errno.ESRCH -> exited(pid);
            case Errno.EPERM, Errno.EACCES -> permissionDenied(pid, e);
            default -> new SpyException(FailureKind.MEMORY_READ, "cannot read memory of process " + pid + ": "
                    + e.getMessage(), e);
        };
    }
}
