// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

import dev.pyspy4j.spi.Provider;

/**
 * One per operating system: opens a running process for reading from outside.
 * Stateless; {@link #attach} may be called many times (one call per process of a tree).
 */
public interface ProcessAccessProvider extends Provider {
    /**
     * Opens process {@code pid}. Nothing is paused or modified; reading starts lazily.
     *
     * @throws dev.pyspy4j.spi.SpyException PROCESS_NOT_FOUND when no such process runs,
     *         PERMISSION_DENIED when the OS refuses access
     */
    TargetProcess attach(long pid);
}
