// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.nativestack;

/**
 * Unwinds the native stacks of one process's threads. Caches what it learns of the process's binaries (their
 * call-frame tables) for the life of the process, so that an unwind costs lookups and stack reads, not parsing.
 * Used by one sampler thread, and only while the thread being unwound is stopped.
 */
public interface NativeUnwinder extends AutoCloseable {
    /**
     * The stack of a stopped thread, from its registers. Never fails on bad data: a stack it cannot follow to the
     * end comes back cut, saying why.
     *
     * @param osThreadId the thread (Linux TID), for unwinders that ask the OS themselves
     * @param registers  the thread's registers, read while it is stopped
     * @param maxFrames  the most frames to return
     */
    NativeStack unwind(long osThreadId, Registers registers, int maxFrames);

    /** Forgets the memory map it knows, after a library was loaded or unloaded. */
    void refresh();

    @Override
    void close();
}
