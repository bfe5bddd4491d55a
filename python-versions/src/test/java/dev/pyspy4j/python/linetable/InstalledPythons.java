// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import dev.pyspy4j.testsupport.InterpreterCatalogue;
import java.nio.file.Path;
import java.util.List;

/** The CPython interpreters on this machine, from the catalogue every module's tests share. */
final class InstalledPythons {

    private InstalledPythons() {
    }

    /**
     * The {@code python<x.y>} program of every interpreter found, oldest first, then a stand-in path for each
     * expected one that is missing, which fails the tests given it (with {@code MissingInterpreterGuard}).
     */
    static List<Path> all() {
        return InterpreterCatalogue.machine().everyExecutable();
    }
}
