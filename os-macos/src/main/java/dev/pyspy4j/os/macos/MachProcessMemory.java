// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.os.macos.calls.KernReturn;
import dev.pyspy4j.os.macos.calls.MacCalls;
import dev.pyspy4j.os.macos.calls.MachCallException;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.ReadRequest;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A task's memory through {@code mach_vm_read_overwrite}, which copies into our buffer with one Mach message per
 * range. Several small reads close to each other are served by one call over the span that covers them
 * ({@link ReadSpans}); a span that fails is read again range by range, so that a range that can be read is never
 * refused because of a neighbour, and a failure names the first request that could not be read.
 */
final class MachProcessMemory implements ProcessMemory {
    private final MacCalls calls;
    private final int task;
    private final long pid;
    private final MachFailures failures;

    MachProcessMemory(MacCalls calls, int task, long pid, MachFailures failures) {
        this.calls = calls;
        this.task = task;
        this.pid = pid;
        this.failures = failures;
    }

    @Override
    public void read(long address, ByteBuffer dst) {
        int length = dst.remaining();
        if (length == 0) {
            return;
        }
        if (dst.hasArray()) {
            copy(address, dst.array(), dst.arrayOffset() + dst.position(), length);
        } else {
            byte[] bytes = new byte[length];
            copy(address, bytes, 0, length);
            dst.duplicate().put(bytes);
        }
    }

    @Override
    public void readAll(List<ReadRequest> requests) {
        for (ReadSpans.Span span : ReadSpans.plan(requests)) {
            if (span.requests().size() == 1) {
                ReadRequest only = span.requests().get(0);
                read(only.address(), only.target());
                continue;
            }
            byte[] bytes = new byte[span.length()];
            try {
                calls.machVmReadOverwrite(task, span.start(), bytes, 0, bytes.length);
            } catch (MachCallException e) {
                for (ReadRequest request : span.requests()) {
                    read(request.address(), request.target());
                }
                continue;
            }
            for (ReadRequest request : span.requests()) {
                ByteBuffer target = request.target().duplicate();
                target.put(bytes, (int) (request.address() - span.start()), target.remaining());
            }
        }
    }

    private void copy(long address, byte[] dst, int offset, int length) {
        try {
            calls.machVmReadOverwrite(task, address, dst, offset, length);
        } catch (MachCallException e) {
            // A task that died may answer with any code, an unmapped address among them: ask whether it lives.
            if (!failures.processExists()) {
                throw failures.exited(e);
            }
            throw new SpyException(FailureKind.MEMORY_READ, String.format(
                    "cannot read %d bytes at 0x%x of process %d: %s", length, address, pid,
                    KernReturn.describe(e.code())), "unreadable address", e);
        }
    }
}
