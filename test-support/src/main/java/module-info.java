// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors

/**
 * For tests only: the catalogue of the CPython interpreters on this machine, and the hook of the jqwik properties that
 * fuzz parsers.
 */
module dev.pyspy4j.testsupport {
    requires org.junit.jupiter.api;
    requires net.jqwik.api;

    exports dev.pyspy4j.testsupport;
    exports dev.pyspy4j.testsupport.fuzz;
}
