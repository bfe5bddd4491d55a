// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import java.util.Set;

/**
 * Tells the interpreter's own code from everything else in a native stack: the binary the interpreter was found in,
 * any {@code libpython*.so}, and the python executable that merely starts a shared-library interpreter (its
 * {@code main} is as much interpreter plumbing as {@code Py_RunMain}).
 */
public final class InterpreterBinaries {
    private final Set<String> paths;

    private InterpreterBinaries(Set<String> paths) {
        this.paths = paths;
    }

    /**
     * @param interpreterBinary where the interpreter was found ({@code PythonInterpreter.binaryPath()})
     * @param executable        the process's executable, counted as the interpreter's when it is a python
     */
    public static InterpreterBinaries of(String interpreterBinary, String executable) {
        if (executable != null && baseName(executable).startsWith("python")) {
            return new InterpreterBinaries(executable.equals(interpreterBinary)
                    ? Set.of(interpreterBinary) : Set.of(interpreterBinary, executable));
        }
        return new InterpreterBinaries(Set.of(interpreterBinary));
    }

    /** Whether {@code module} (a mapped file's path, or {@code null}) holds interpreter code. */
    public boolean contains(String module) {
        if (module == null) {
            return false;
        }
        if (paths.contains(module)) {
            return true;
        }
        String base = baseName(module);
        return base.startsWith("libpython") && base.contains(".so");
    }

    static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
