// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.nio.file.Path;
import java.util.List;

/**
 * Interpreters whose evaluation-loop calls a native stack cannot pick out, so that {@code --native} leaves their
 * threads out (with a warning) rather than guess where the Python frames go. Debian sid's CPython 3.15 is built with
 * link-time optimisation and stripped: the evaluation loop runs in code no symbol names, and 3.15 no longer keeps
 * an entry record on the evaluation call's C stack (3.12-3.14 do, which is how sid's equally stripped 3.14 merges).
 */
final class NativeMergeLimits {
    private NativeMergeLimits() {
    }

    static boolean evaluationCallsUnfindable(Path python) {
        return python.equals(Interpreters.debianSid("3.15"));
    }

    /** The interpreters whose native stacks merge with their Python stacks. */
    static List<Path> merging(List<Path> pythons) {
        return pythons.stream().filter(python -> !evaluationCallsUnfindable(python)).toList();
    }

    /** The interpreters whose threads {@code --native} leaves out. */
    static List<Path> notMerging(List<Path> pythons) {
        return pythons.stream().filter(NativeMergeLimits::evaluationCallsUnfindable).toList();
    }
}
