// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.snapshot;

import java.nio.file.Path;
import java.util.List;

/**
 * The interpreters a walker snapshot is taken of, one per supported live version and build kind: pyenv's
 * shared-library builds with full symbols, Debian's statically linked and stripped 3.11 (symbols only in its
 * MiniDebugInfo), Debian sid's 3.14 and 3.15 that read their own {@code _Py_DebugOffsets}, and free-threaded
 * 3.13t and 3.14t built from source ({@code tools/install-pythons} builds 3.13t; 3.14t was built by hand from a
 * fetched source tree, so its snapshot is how CI covers it, thread-local bytecode included: the worker thread
 * runs its own copies).
 */
final class SnapshotInterpreters {
    /** Resource folder of the snapshots and of the script they are taken of. */
    static final String RESOURCES = "/dev/pyspy4j/python/snapshot/";
    static final String SCRIPT = "snapshot_target.py";

    /** One interpreter: {@code id} names its snapshot file, {@code version} is what detection must find. */
    record Interpreter(String id, Path executable, String version) {
        String resource() {
            return RESOURCES + id + ".snapshot.gz";
        }

        @Override
        public String toString() {
            return id;
        }
    }

    static final List<Interpreter> ALL = List.of(
            pyenv("2.7.18"), pyenv("3.6.15"), pyenv("3.7.16"), pyenv("3.8.18"), pyenv("3.9.18"),
            pyenv("3.10.13"), pyenv("3.11.7"), pyenv("3.12.1"), pyenv("3.13.0"),
            new Interpreter("debian-3.11", Path.of("/usr/bin/python3.11"), "3.11.2"),
            new Interpreter("sid-3.14", Path.of("/opt/sidpy/usr/bin/python3.14"), "3.14.10"),
            new Interpreter("sid-3.15", Path.of("/opt/sidpy/usr/bin/python3.15"), "3.15.2"),
            new Interpreter("ft-3.13t", Path.of("/opt/pyspy4j-ft/3.13t/bin/python3.13t"), "3.13.5"),
            new Interpreter("ft-3.14t", Path.of("/opt/pyspy4j-ft/3.14t/bin/python3.14t"), "3.14.7"));

    private SnapshotInterpreters() {
    }

    private static Interpreter pyenv(String version) {
        return new Interpreter("pyenv-" + version, Path.of("/root/.pyenv/versions", version, "bin", "python"),
                version);
    }
}
