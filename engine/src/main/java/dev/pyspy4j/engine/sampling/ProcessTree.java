// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import java.util.Map;

/** Finds the descendants of a process, so that {@code --subprocesses} can follow a process tree as it changes. */
public interface ProcessTree {
    /**
     * Every live descendant of process {@code pid} (its children, their children and so on), each mapped to its
     * parent's pid, parents before their children; empty when the process has none or is gone.
     */
    Map<Long, Long> descendantsOf(long pid);

    /** The operating system's process table, as the JDK reads it. */
    static ProcessTree system() {
        return ProcessHandleTree.INSTANCE;
    }
}
