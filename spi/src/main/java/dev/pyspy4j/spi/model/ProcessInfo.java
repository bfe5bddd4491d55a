// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.model;

import java.util.Objects;

/** A sampled process and, in a process tree, the process that started it ({@code null} for the root). */
public record ProcessInfo(long pid, String commandLine, ProcessInfo parent) {
    public ProcessInfo {
        Objects.requireNonNull(commandLine, "commandLine is null");
    }
}
