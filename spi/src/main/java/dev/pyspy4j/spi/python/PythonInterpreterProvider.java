// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.python;

import dev.pyspy4j.spi.Provider;
import dev.pyspy4j.spi.process.TargetProcess;

/**
 * Finds an interpreter (CPython) in a target process and hands back a reader of its threads and frames, which knows
 * the memory layouts of every version the provider supports.
 */
public interface PythonInterpreterProvider extends Provider {
    /**
     * Finds the interpreter inside {@code target}, detects its version and prepares to read it.
     * The returned reader borrows {@code target}; closing the target ends it.
     *
     * @throws dev.pyspy4j.spi.SpyException NOT_PYTHON when no interpreter is found (the message says what was
     *         looked for), UNSUPPORTED_PYTHON when its version is unknown to this provider
     */
    PythonInterpreter open(TargetProcess target);

    /** The versions this provider reads, for help texts, e.g. {@code 2.7, 3.6-3.15}. */
    String supportedVersions();
}
