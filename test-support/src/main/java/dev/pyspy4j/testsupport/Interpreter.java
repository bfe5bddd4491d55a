// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.testsupport;

import java.nio.file.Path;

/**
 * A CPython interpreter found on this machine, with the version it reports itself.
 *
 * @param executable the interpreter's program file, as it was found (symbolic links not resolved)
 * @param version what {@code platform.python_version()} prints, e.g. {@code 3.11.7} or {@code 3.15.0a2}
 * @param origin the name of the {@link InterpreterLocation} it was found in, e.g. {@code pyenv}
 * @param freeThreaded whether it is a free-threaded build ({@code Py_GIL_DISABLED}, {@code python3.13t})
 */
public record Interpreter(Path executable, String version, String origin, boolean freeThreaded) {
    /** A build with a GIL. */
    public Interpreter(Path executable, String version, String origin) {
        this(executable, version, origin, false);
    }


    public int major() {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    public int minor() {
        return Integer.parseInt(version.split("\\.")[1]);
    }

    /** The patch number; a pre-release's suffix ({@code 0a2}) is left out. */
    public int micro() {
        String[] parts = version.split("\\.");
        String digits = parts.length > 2 ? parts[2].replaceAll("\\D.*", "") : "";
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    /** {@code major.minor}, e.g. {@code 3.11}, with a {@code t} for a free-threaded build ({@code 3.13t}). */
    public String minorVersion() {
        return major() + "." + minor() + (freeThreaded ? "t" : "");
    }

    public boolean atLeast(int wantedMajor, int wantedMinor) {
        return major() > wantedMajor || (major() == wantedMajor && minor() >= wantedMinor);
    }

    /** The installation's prefix: the directory above {@code bin}, which holds {@code lib} and {@code include}. */
    public Path prefix() {
        return executable.toAbsolutePath().getParent().getParent();
    }

    @Override
    public String toString() {
        return "CPython " + version + (freeThreaded ? " free-threaded" : "") + " (" + origin + ", " + executable
                + ")";
    }
}
