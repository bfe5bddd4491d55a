// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.dump;

import dev.pyspy4j.engine.nativestack.NativeMode;
import dev.pyspy4j.spi.python.ThreadSelection;
import java.util.Objects;

/**
 * What {@code dump} was asked for.
 *
 * @param pid           the process to read
 * @param pauseTarget   stop the target while its stacks are copied (off with {@code --nonblocking})
 * @param fullFilenames keep full file paths instead of shortening them ({@code --full-filenames})
 * @param localsLevel   how many times {@code -l/--locals} was given: 0 for no locals, else each value's rendering
 *                      may be {@value #REPR_CHARS_PER_LEVEL} characters long per level (py-spy's budget)
 * @param subprocesses  dump the process's descendants too ({@code --subprocesses})
 * @param nativeStacks  whether native stacks are merged in ({@code --native}), and by which unwinder
 * @param threads       the threads to dump ({@code --tid}, {@code --threads-matching})
 * @param asyncio       read the asyncio tasks too ({@code --asyncio})
 */
public record DumpRequest(long pid, boolean pauseTarget, boolean fullFilenames, int localsLevel,
                          boolean subprocesses, NativeMode nativeStacks, ThreadSelection threads, boolean asyncio) {
    /** py-spy's repr budget per {@code -l}. */
    public static final int REPR_CHARS_PER_LEVEL = 128;

    /** A repetition count beyond any sensible use, that keeps the budget far from overflowing. */
    private static final int MAX_LEVEL = 1 << 16;

    public DumpRequest {
        if (localsLevel < 0 || localsLevel > MAX_LEVEL) {
            throw new IllegalArgumentException("locals level " + localsLevel + " is outside 0.." + MAX_LEVEL);
        }
        Objects.requireNonNull(nativeStacks, "nativeStacks is null");
        Objects.requireNonNull(threads, "threads is null");
        if (nativeStacks.enabled() && !pauseTarget) {
            throw new IllegalArgumentException("native stacks need the target paused");
        }
    }

    /** A request without the asyncio tasks. */
    public DumpRequest(long pid, boolean pauseTarget, boolean fullFilenames, int localsLevel, boolean subprocesses,
                       NativeMode nativeStacks, ThreadSelection threads) {
        this(pid, pauseTarget, fullFilenames, localsLevel, subprocesses, nativeStacks, threads, false);
    }

    /** This request, with the asyncio tasks read too or not. */
    public DumpRequest withAsyncio(boolean value) {
        return new DumpRequest(pid, pauseTarget, fullFilenames, localsLevel, subprocesses, nativeStacks, threads,
                value);
    }

    /** A request of every thread. */
    public DumpRequest(long pid, boolean pauseTarget, boolean fullFilenames, int localsLevel, boolean subprocesses,
                       NativeMode nativeStacks) {
        this(pid, pauseTarget, fullFilenames, localsLevel, subprocesses, nativeStacks, ThreadSelection.ALL);
    }

    /** A request of every thread without native stacks. */
    public DumpRequest(long pid, boolean pauseTarget, boolean fullFilenames, int localsLevel, boolean subprocesses) {
        this(pid, pauseTarget, fullFilenames, localsLevel, subprocesses, NativeMode.OFF);
    }

    /** A request for one process. */
    public DumpRequest(long pid, boolean pauseTarget, boolean fullFilenames, int localsLevel) {
        this(pid, pauseTarget, fullFilenames, localsLevel, false);
    }

    /** A request for one process, without locals. */
    public DumpRequest(long pid, boolean pauseTarget, boolean fullFilenames) {
        this(pid, pauseTarget, fullFilenames, 0);
    }

    /** The longest rendering of one local value, 0 when locals are not wanted. */
    public int localsBudget() {
        return localsLevel * REPR_CHARS_PER_LEVEL;
    }
}
