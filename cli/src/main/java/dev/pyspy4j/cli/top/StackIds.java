// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import java.util.Set;

/**
 * One kept stack, reduced to what {@code top} counts, for both ways of aggregating.
 *
 * @param leafFunction the running function
 * @param functions    every function on the stack, each once
 * @param leafLine     the running line
 * @param lines        every line on the stack, each once
 */
record StackIds(FunctionId leafFunction, Set<FunctionId> functions, FunctionId leafLine, Set<FunctionId> lines) {
    StackIds {
        functions = Set.copyOf(functions);
        lines = Set.copyOf(lines);
    }
}
