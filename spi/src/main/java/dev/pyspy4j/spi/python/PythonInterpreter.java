// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.python;

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
}
