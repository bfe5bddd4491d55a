// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.asyncio;

/** Reads the frame of a coroutine object: where it lives and how its state is kept differ between versions. */
interface CoroutineFrames {
    /** The frame of the coroutine at {@code coroutine}, or {@code null} when it has none left (finished). */
    CoroutineFrame read(long coroutine);

    /**
     * The frame that resumed a running coroutine ({@code f_back}, or {@code previous} from 3.11): the frame of the
     * coroutine awaiting it, when that one runs too; 0 when unknown.
     */
    long caller(CoroutineFrame frame);

    /**
     * The first {@code count} words of the frame's local and value-stack slots: a running coroutine does not record
     * its stack top, so the coroutine it awaits is found among them by its {@link #caller}.
     */
    long[] slots(CoroutineFrame frame, int count);
}
