// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

import dev.pyspy4j.spi.Provider;

/** One per operating system: tells running threads from idle ones, from outside the process. */
public interface ThreadActivityProvider extends Provider {
    /** Starts watching the threads of {@code target}. The caller closes the probe. */
    ThreadActivityProbe open(TargetProcess target);
}
