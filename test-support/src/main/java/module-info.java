// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors

/** For tests only: the catalogue of the CPython interpreters on this machine. */
module dev.pyspy4j.testsupport {
    requires org.junit.jupiter.api;

    exports dev.pyspy4j.testsupport;
}
