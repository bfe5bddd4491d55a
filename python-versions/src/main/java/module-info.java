// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors

/** Reads CPython 2.7 to 3.15: version detection, per-version layouts, thread and frame walkers, locals. */
module dev.pyspy4j.python {
    requires dev.pyspy4j.spi;

    provides dev.pyspy4j.spi.python.PythonInterpreterProvider with dev.pyspy4j.python.CPythonInterpreterProvider;
}
