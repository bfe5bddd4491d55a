// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

/** The thread time of one function (or line) over one period, in nanoseconds; mutable, one owner. */
final class FunctionTimes {
    /** Time it was the running frame: the leaf of a stack. */
    long ownNanos;
    /** Time it was anywhere on a stack, counted once per stack however often it recurses. */
    long totalNanos;
}
