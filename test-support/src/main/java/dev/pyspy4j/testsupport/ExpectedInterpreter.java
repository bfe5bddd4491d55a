// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.testsupport;

/**
 * An interpreter the tests must have: any CPython of {@code minorVersion} found in the location named {@code origin}.
 *
 * @param origin the {@link InterpreterLocation#origin()} it must come from
 * @param minorVersion {@code major.minor}, e.g. {@code 3.11}
 * @param installHint how to install it, for the message that says it is missing
 */
public record ExpectedInterpreter(String origin, String minorVersion, String installHint) {

    public boolean matches(Interpreter interpreter) {
        return interpreter.origin().equals(origin) && interpreter.minorVersion().equals(minorVersion);
    }

    @Override
    public String toString() {
        return "CPython " + minorVersion + " from " + origin;
    }
}
