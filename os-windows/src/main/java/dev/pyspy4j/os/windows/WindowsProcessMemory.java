// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import dev.pyspy4j.spi.process.ProcessMemory;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;

/**
 * Reads a process's memory with {@code ReadProcessMemory}, which copies all the bytes asked for or fails: a range
 * that is partly unreadable fails with {@code ERROR_PARTIAL_COPY}, reported as MEMORY_READ naming the range.
 */
final class WindowsProcessMemory implements ProcessMemory {
    private final WindowsCalls calls;
    private final long process;
    private final long pid;
    private final BooleanSupplier alive;

    WindowsProcessMemory(WindowsCalls calls, long process, long pid, BooleanSupplier alive) {
        this.calls = calls;
        this.process = process;
        this.pid = pid;
        this.alive = alive;
    }

    @Override
    public void read(long address, ByteBuffer dst) {
        int length = dst.remaining();
        if (length == 0) {
            return;
        }
        try {
            if (dst.hasArray()) {
                calls.readProcessMemory(process, address, dst.array(), dst.arrayOffset() + dst.position(), length);
            } else {
                byte[] copy = new byte[length];
                calls.readProcessMemory(process, address, copy, 0, length);
                dst.duplicate().put(copy);
            }
        } catch (WindowsCallException e) {
            throw WindowsErrors.readFailed(pid, address, length, e, alive.getAsBoolean());
        }
    }
}
