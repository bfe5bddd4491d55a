// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.python;

/** Which line a frame reports. */
public enum LineNumbers {
    /** The line being executed (the default). */
    CURRENT,
    /** The first line of the function ({@code --function}). */
    FUNCTION_START,
    /** No line at all ({@code --nolineno}); reported as 0. */
    NONE
}
