// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The process tree through {@link ProcessHandle#descendants()}, which reads the whole process table once per call
 * (on Linux one pass over {@code /proc/<pid>/stat}, in native code) and drops children that started before their
 * supposed parent, i.e. reused pids. Asking each process for its children would cost one such pass per process
 * instead.
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
