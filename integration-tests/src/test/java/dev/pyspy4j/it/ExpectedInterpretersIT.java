// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.junit.jupiter.api.Assertions.fail;

import dev.pyspy4j.testsupport.ExpectedInterpreters;
import dev.pyspy4j.testsupport.InterpreterCatalogue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every interpreter CI must have is here. The tests given a missing one fail too, but this one says in one place, one
 * line per interpreter, everything that is missing and how to install it.
 */
class ExpectedInterpretersIT {

    @Test
    void everyExpectedInterpreterIsInstalled() {
        InterpreterCatalogue catalogue = InterpreterCatalogue.machine();

        List<String> problems = catalogue.problems();
        if (!problems.isEmpty()) {
            fail(problems.size() + " expected interpreter(s) missing or unidentified, one a line:\n"
                    + String.join("\n", problems) + "\n(expected: " + ExpectedInterpreters.ON_CI + "; found: "
                    + catalogue.found() + ")");
        }
    }
}
