// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.testsupport.ExpectedInterpreters;
import dev.pyspy4j.testsupport.InterpreterCatalogue;
import org.junit.jupiter.api.Test;

/**
 * Every interpreter CI must have is here. The tests given a missing one fail too, but this one says in one place, one
 * line per interpreter, everything that is missing and how to install it.
 */
class ExpectedInterpretersIT {

    @Test
    void everyExpectedInterpreterIsInstalled() {
        InterpreterCatalogue catalogue = InterpreterCatalogue.machine();

        assertThat(catalogue.problems()).as("found: %s; expected: %s", catalogue.found(), ExpectedInterpreters.ON_CI)
                .isEmpty();
    }
}
