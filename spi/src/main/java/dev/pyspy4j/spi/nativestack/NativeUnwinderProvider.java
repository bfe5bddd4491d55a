// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.nativestack;

import dev.pyspy4j.spi.Provider;
import dev.pyspy4j.spi.process.TargetProcess;

/**
 * One way of unwinding native stacks ({@code dwarf}, {@code framepointer}, {@code libunwind}), chosen with
 * {@code --unwinder}; the supported one with the highest {@link #priority()} is the default.
 */
public interface NativeUnwinderProvider extends Provider {
    /** One line for {@code --help}: how it unwinds and what it needs. */
    String description();

    /**
     * Prepares to unwind the threads of {@code process}; reads nothing yet.
     *
     * @throws dev.pyspy4j.spi.SpyException UNSUPPORTED_PLATFORM when what it needs is missing (a library)
     */
    NativeUnwinder open(TargetProcess process);
}
