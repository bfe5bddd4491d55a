// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.testsupport;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the tests look for interpreters. To test against more builds, add a location here (and, if CI must have
 * them, an entry to {@link ExpectedInterpreters}), or name them without changing code in the environment variable
 * {@value #EXTRA_VARIABLE}: globs of interpreter programs separated by {@code :}, e.g.
 * {@code PYSPY4J_EXTRA_PYTHONS=/opt/python3.12-dbg/bin/python3.12:/usr/local/bin/python3.*}.
 */
public final class InterpreterLocations {
    public static final String EXTRA_VARIABLE = "PYSPY4J_EXTRA_PYTHONS";

    /** pyenv's builds: every directory under {@code $PYENV_ROOT/versions} (pyenv defaults to {@code ~/.pyenv}). */
    public static final String PYENV = "pyenv";
    /** Debian's own interpreters, e.g. {@code /usr/bin/python3.11} (the interpreter linked into the program). */
    public static final String DEBIAN = "debian";
    /** Debian sid's newer CPythons that {@code tools/install-pythons} unpacks under {@code /opt/sidpy}. */
    public static final String DEBIAN_SID = "debian-sid";
    /**
     * Free-threaded CPythons ({@code python3.13t}) that {@code tools/install-pythons} builds from source under
     * {@code /opt/pyspy4j-ft}, no package of them being reachable.
     */
    public static final String FREE_THREADED = "free-threaded";
    /** What {@value #EXTRA_VARIABLE} names. */
    public static final String EXTRA = "extra";

    private InterpreterLocations() {
    }

    /** The standard places, then those of {@value #EXTRA_VARIABLE}, for this process's environment. */
    public static List<InterpreterLocation> standard() {
        return standard(System.getenv(), System.getProperty("user.home"));
    }

    static List<InterpreterLocation> standard(Map<String, String> environment, String home) {
        List<InterpreterLocation> locations = new ArrayList<>(List.of(
                new InterpreterLocation(PYENV, pyenvRoot(environment, home).resolve("versions/*/bin/python*"),
                        InterpreterLocation.VERSIONED),
                new InterpreterLocation(DEBIAN, Path.of("/usr/bin/python*"), InterpreterLocation.VERSIONED),
                new InterpreterLocation(DEBIAN_SID, Path.of("/opt/sidpy/usr/bin/python*"),
                        InterpreterLocation.VERSIONED),
                new InterpreterLocation(FREE_THREADED, Path.of("/opt/pyspy4j-ft/*/bin/python*"),
                        InterpreterLocation.FREE_THREADED)));
        String extra = environment.getOrDefault(EXTRA_VARIABLE, "");
        for (String glob : extra.split(File.pathSeparator)) {
            if (!glob.isBlank()) {
                locations.add(new InterpreterLocation(EXTRA, Path.of(glob.strip()), InterpreterLocation.ANY));
            }
        }
        return locations;
    }

    /** pyenv's root: {@code $PYENV_ROOT}, else {@code ~/.pyenv}, as pyenv itself decides. */
    public static Path pyenvRoot() {
        return pyenvRoot(System.getenv(), System.getProperty("user.home"));
    }

    private static Path pyenvRoot(Map<String, String> environment, String home) {
        String root = environment.get("PYENV_ROOT");
        return root != null && !root.isBlank() ? Path.of(root) : Path.of(home, ".pyenv");
    }
}
