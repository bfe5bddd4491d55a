// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.family;

import dev.pyspy4j.python.discovery.DiscoveredInterpreter;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.PythonVersion;

/**
 * The CPython versions that share one way of walking threads and frames, and how to assemble a reader for them.
 * Everything version-specific lives behind this interface; walkers never test version numbers.
 */
public interface VersionFamily {
    /** Whether this family reads {@code version}. */
    boolean supports(PythonVersion version);

    /** The versions this family reads, for messages, e.g. {@code 3.11}. */
    String describe();

    /** Locates the interpreter state and prepares a reader for it. */
    PythonInterpreter open(DiscoveredInterpreter interpreter);
}
