// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.io.IOException;
import java.nio.file.Path;

/** An interpreter's major and minor version, as it reports them itself, for expectations that differ by version. */
record PythonRelease(int major, int minor) {

    static PythonRelease of(Path python) throws IOException, InterruptedException {
        String[] parts = Interpreters.versionOf(python).split("\\.");
        return new PythonRelease(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
    }

    boolean isPython2() {
        return major == 2;
    }
}
