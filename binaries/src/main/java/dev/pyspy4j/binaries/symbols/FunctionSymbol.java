// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import java.util.Objects;

/**
 * A function symbol of one binary at its file (link-time) address.
 *
 * @param name  the symbol as the binary spells it (C++ names still mangled)
 * @param start the symbol's value, {@code st_value}, an address in the file's own address space
 * @param size  {@code st_size}; 0 when the assembler was given no {@code .size} (hand-written assembly)
 */
public record FunctionSymbol(String name, long start, long size) {
    public FunctionSymbol {
        Objects.requireNonNull(name, "name is null");
    }
}
