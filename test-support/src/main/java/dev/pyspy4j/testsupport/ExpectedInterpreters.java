// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.testsupport;

import static dev.pyspy4j.testsupport.InterpreterLocations.DEBIAN;
import static dev.pyspy4j.testsupport.InterpreterLocations.DEBIAN_SID;
import static dev.pyspy4j.testsupport.InterpreterLocations.FREE_THREADED;
import static dev.pyspy4j.testsupport.InterpreterLocations.PYENV;

import java.util.ArrayList;
import java.util.List;

/**
 * The interpreters CI must have, the one list of them: a test that needs one of these fails, naming it, when it is
 * missing; nothing is skipped. Any patch release of a minor version counts, so that updating a build needs no change
 * here; the tests print the exact versions they ran against.
 */
public final class ExpectedInterpreters {
    private static final List<String> PYENV_MINORS = List.of("2.7", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11",
            "3.12", "3.13");

    /**
     * pyenv's shared-library builds of 2.7 and 3.6 to 3.13, Debian's 3.11, Debian sid's 3.14 and 3.15, and a
     * free-threaded 3.13t built from Debian's source package.
     */
    public static final List<ExpectedInterpreter> ON_CI = onCi();

    private ExpectedInterpreters() {
    }

    private static List<ExpectedInterpreter> onCi() {
        List<ExpectedInterpreter> expected = new ArrayList<>();
        for (String minor : PYENV_MINORS) {
            expected.add(new ExpectedInterpreter(PYENV, minor,
                    "env PYTHON_CONFIGURE_OPTS=--enable-shared pyenv install " + minor));
        }
        expected.add(new ExpectedInterpreter(DEBIAN, "3.11", "apt-get install python3.11"));
        expected.add(new ExpectedInterpreter(DEBIAN_SID, "3.14", "run tools/install-pythons (as root)"));
        expected.add(new ExpectedInterpreter(DEBIAN_SID, "3.15", "run tools/install-pythons (as root)"));
        expected.add(new ExpectedInterpreter(FREE_THREADED, "3.13t", "run tools/install-pythons (as root)"));
        return List.copyOf(expected);
    }
}
