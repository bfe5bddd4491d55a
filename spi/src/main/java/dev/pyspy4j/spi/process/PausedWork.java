// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

/**
 * Work that must see the target stopped, run by an interpreter's sample while it holds the target paused, after
 * the Python stacks were copied: unwinding native stacks, whose registers and stack memory change as soon as the
 * threads run again.
 */
@FunctionalInterface
public interface PausedWork {
    /** Runs while {@code pause} holds every thread of the target stopped; must not close it. */
    void run(PauseHandle pause);
}
