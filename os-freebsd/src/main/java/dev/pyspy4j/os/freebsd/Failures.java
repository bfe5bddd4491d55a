// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import dev.pyspy4j.spi.AccessDenial;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.PermissionDeniedException;
import dev.pyspy4j.spi.SpyException;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Turns failed FreeBSD calls about one process into the one-line failures users see. */
final class Failures {
    private final FreeBsdCalls calls;
    private final long pid;

    Failures(FreeBsdCalls calls, long pid) {
        this.calls = calls;
        this.pid = pid;
    }

    SpyException notFound() {
        return new SpyException(FailureKind.PROCESS_NOT_FOUND, "no process with pid " + pid);
    }

    SpyException exited() {
        return new SpyException(FailureKind.PROCESS_EXITED, "process " + pid + " has exited");
    }

    SpyException unreadable(long address, long length) {
        return new SpyException(FailureKind.MEMORY_READ, "cannot read " + length + " bytes at 0x"
                + Long.toHexString(address) + " in process " + pid);
    }

    /** A refusal, with who pyspy4j runs as and the process already tracing the target, if the kernel tells. */
    SpyException denied(String doing, FreeBsdCallException cause, OptionalLong tracer) {
        boolean root = isRoot();
        String message = tracer.isPresent()
                ? "permission denied " + doing + " process " + pid + ": process " + tracer.getAsLong()
                        + " is tracing it already"
                : "permission denied " + doing + " process " + pid;
        // root may trace any process of its jail; FreeBSD has no per-capability tracing privilege to tell apart
        AccessDenial denial = new AccessDenial(root, root, OptionalInt.empty(), false, tracer);
        return new PermissionDeniedException(message, tracer.isPresent() ? "traced by another process" : null,
                denial, cause);
    }

    /**
     * The failure of a call made while the process was known to run: ESRCH means it ended since, a refusal is
     * a permission problem, anything else is a failed read of {@code what}.
     */
    SpyException of(String what, FreeBsdCallException e) {
        if (e.errno() == FreeBsdCallException.ESRCH) {
            return exited();
        }
        if (e.isRefusal()) {
            return denied("reading", e, OptionalLong.empty());
        }
        return new SpyException(FailureKind.MEMORY_READ, "cannot read " + what + " of process " + pid + ": "
                + e.getMessage(), e);
    }

    private boolean isRoot() {
        try {
            return calls.geteuid() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
