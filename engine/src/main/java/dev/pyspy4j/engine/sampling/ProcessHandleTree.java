// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The process tree through {@link ProcessHandle#descendants()}, which reads the whole process table once per call
 * (on Linux one pass over {@code /proc/<pid>/stat}, in native code) and drops children that started before their
 * supposed parent, i.e. reused pids. Asking each process for its children through
 * {@code TargetProcess.childPids()} costs one such pass per process instead: measured on a 13-process tree,
 * 16 ms per rescan against 0.8 ms here.
 */
final class ProcessHandleTree implements ProcessTree {
    static final ProcessHandleTree INSTANCE = new ProcessHandleTree();

    private ProcessHandleTree() {
    }

    @Override
    public Map<Long, Long> descendantsOf(long pid) {
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> parents = new LinkedHashMap<>();
        // descendants() lists a generation at a time, so every parent comes before its children. A child whose
        // parent exited meanwhile has no parent() any more: the next rescan finds it under its new parent.
        root.get().descendants().forEach(child -> child.parent()
                .ifPresent(parent -> parents.put(child.pid(), parent.pid())));
        return parents;
    }
}
