// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.python;

import dev.pyspy4j.spi.model.AsyncioSnapshot;
import java.util.List;

/** An interpreter found in a target, ready to be sampled. Used by one sampler thread. */
public interface PythonInterpreter {
    PythonVersion version();

    /** The binary that holds the interpreter (the python executable or libpython). */
    String binaryPath();

    /**
     * Whether the interpreter is a free-threaded build (3.13t and later): it has no global interpreter lock, so no
     * thread is ever said to hold one.
     */
    default boolean freeThreaded() {
        return false;
    }

    /** Things the user should know, e.g. that the version is newer than any this provider was tested on. */
    List<String> warnings();

    /**
     * Reads the stacks of every Python thread once.
     *
     * @throws dev.pyspy4j.spi.SpyException MEMORY_READ when the read fails or, without pausing, when the
     *         stack changed while being read (a torn sample); PROCESS_EXITED when the target is gone
     */
    InterpreterSample sample(SampleRequest request);

    /**
     * Whether {@link #asyncioTasks} can read this interpreter's tasks at all (whether or not the program has imported
     * asyncio yet): what {@code record --async-aware} checks before it samples.
     */
    default boolean readsAsyncioTasks() {
        return false;
    }

    /**
     * Reads the asyncio tasks of every event loop once ({@code dump --asyncio}), pausing the target while they are
     * read when {@code pauseTarget}.
     *
     * @param localsBudget the longest rendering of one local variable of a coroutine frame; 0 for no locals
     * @return the tasks, or why they cannot be read (an interpreter that does not know how says so)
     */
    default AsyncioSnapshot asyncioTasks(boolean pauseTarget, int localsBudget) {
        return AsyncioSnapshot.unavailable("dump --asyncio is not supported for CPython " + version().minorVersion()
                + " yet");
    }
}
