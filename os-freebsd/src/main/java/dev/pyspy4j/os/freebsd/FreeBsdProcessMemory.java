// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Reads with ptrace(PT_IO, PIOD_READ_D). PT_IO works only on a traced, stopped process, so a read outside a pause
 * stops the process for the batch and resumes it in {@code finally} (py-spy does the same per read batch); inside a
 * pause it reads at once. The kernel's copy is one call per range: there is no vectored form.
 */
final class FreeBsdProcessMemory implements ProcessMemory {
    private final FreeBsdCalls calls;
    private final int pid;
    private final Tracer tracer;
    private final Failures failures;

    FreeBsdProcessMemory(FreeBsdCalls calls, int pid, Tracer tracer, Failures failures) {
        this.calls = calls;
        this.pid = pid;
        this.tracer = tracer;
        this.failures = failures;
    }

    @Override
    public void read(long address, ByteBuffer dst) {
        readAll(List.of(new ReadRequest(address, dst)));
    }

    @Override
    public void readAll(List<ReadRequest> requests) {
        tracer.stop();
        try {
            for (ReadRequest request : requests) {
                readStopped(request.address(), request.target());
            }
        } finally {
            tracer.resume();
        }
    }

    private void readStopped(long address, ByteBuffer dst) {
        int length = dst.remaining();
        if (length == 0) {
            return;
        }
        byte[] bytes = new byte[length];
        int copied;
        try {
            copied = calls.ptraceReadData(pid, address, bytes, length);
        } catch (FreeBsdCallException e) {
            if (e.errno() == FreeBsdCallException.ESRCH || e.isRefusal()) {
                throw failures.of("memory", e);
            }
            // EFAULT, EIO, ENOMEM: part of the range is not mapped
            throw failures.unreadable(address, length);
        }
        if (copied != length) {
            throw failures.unreadable(address, length);
        }
        dst.duplicate().put(bytes);
    }
}
