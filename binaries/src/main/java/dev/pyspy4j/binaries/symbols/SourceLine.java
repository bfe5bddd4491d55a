// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import java.util.Objects;

/**
 * Where an instruction came from, by the DWARF line table ({@code .debug_line}).
 *
 * @param file the source file, with the directory the line table records for it when it has one
 * @param line the line, from 1; 0 when the compiler attributed the instruction to no line
 */
public record SourceLine(String file, int line) {
    public SourceLine {
        Objects.requireNonNull(file, "file is null");
    }
}
