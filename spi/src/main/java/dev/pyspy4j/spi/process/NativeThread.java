// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

import java.util.Objects;

/**
 * An operating-system thread of a target.
 *
 * @param tid  the OS thread id (Linux TID)
 * @param name the OS-level name ({@code comm}), may be empty
 */
public record NativeThread(long tid, String name) {
    public NativeThread {
        Objects.requireNonNull(name, "name is null");
    }
}
