// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.libunwind;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.unwinders.libunwind.jna.Libunwind;
import java.util.Arrays;

/**
 * Unwinds with libunwind-ptrace: one libunwind address space for the process, whose cache of unwind rules lives as
 * long as this unwinder, and a fresh ptrace accessor state per unwind.
 *
 * <p>The registers handed to {@link #unwind} are not used: libunwind reads them itself, and the stack memory, with
 * ptrace on the thread id. That works only because the unwind runs on the thread that ptrace-stopped the target
 * (the tracer): the kernel answers ptrace requests from the tracer thread alone.
 */
final class LibunwindUnwinder implements NativeUnwinder {
    private final long addressSpace;
    private final Memory cursor = new Memory(Libunwind.CURSOR_BYTES);
    private final Memory word = new Memory(Long.BYTES);
    private final ThreadCacheGenerations cacheGenerations;
    private boolean closed;

    LibunwindUnwinder(long addressSpace) {
        this.addressSpace = addressSpace;
        this.cacheGenerations = new ThreadCacheGenerations(() -> Libunwind.flushCache(addressSpace));
    }

    @Override
    public NativeStack unwind(long osThreadId, Registers registers, int maxFrames) {
        if (closed) {
            throw new IllegalStateException("the libunwind unwinder is closed");
        }
        cacheGenerations.beforeUnwind();
        long ptraceState = Libunwind.createPtraceState(osThreadId);
        if (ptraceState == 0) {
            return new NativeStack(new long[0], "libunwind could not allocate its ptrace state");
        }
        try {
            return walk(ptraceState, maxFrames);
        } finally {
            Libunwind.destroyPtraceState(ptraceState);
        }
    }

    private NativeStack walk(long ptraceState, int maxFrames) {
        long cursorAddress = Pointer.nativeValue(cursor);
        long wordAddress = Pointer.nativeValue(word);
        int result = Libunwind.initRemote(cursorAddress, addressSpace, ptraceState);
        if (result < 0) {
            return new NativeStack(new long[0], "libunwind could not read the thread: " + Libunwind.describe(result));
        }
        long[] addresses = new long[Math.min(Math.max(maxFrames, 0), 64)];
        int count = 0;
        while (true) {
            if (count == maxFrames) {
                return new NativeStack(Arrays.copyOf(addresses, count), "deeper than " + maxFrames + " frames");
            }
            result = Libunwind.instructionPointer(cursorAddress, wordAddress);
            if (result < 0) {
                return new NativeStack(Arrays.copyOf(addresses, count),
                        "libunwind could not read the instruction pointer: " + Libunwind.describe(result));
            }
            long instructionPointer = word.getLong(0);
            if (instructionPointer == 0) {
                return new NativeStack(Arrays.copyOf(addresses, count), null);
            }
            if (count == addresses.length) {
                addresses = Arrays.copyOf(addresses, Math.min(maxFrames, addresses.length * 2));
            }
            addresses[count++] = instructionPointer;
            result = Libunwind.step(cursorAddress);
            if (result == 0) {
                return new NativeStack(Arrays.copyOf(addresses, count), null);
            }
            if (result < 0) {
                return new NativeStack(Arrays.copyOf(addresses, count), "libunwind: " + Libunwind.describe(result));
            }
        }
    }

    @Override
    public void refresh() {
        if (!closed) {
            cacheGenerations.flush();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cacheGenerations.forget();
        Libunwind.destroyAddressSpace(addressSpace);
        cursor.close();
        word.close();
    }
}
