// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import java.util.Comparator;
import java.util.Objects;

/**
 * What one row of {@code top} stands for: a function, or one line of it when aggregating by line.
 *
 * @param name function name
 * @param file file name as shown (shortened unless {@code --full-filenames})
 * @param line line number; 0 when aggregating by function, or when unknown
 */
public record FunctionId(String name, String file, int line) {
    /** Alphabetical, then by line: the last tie-break of every sort order, so that equal rows keep one order. */
    static final Comparator<FunctionId> NATURAL = Comparator.comparing(FunctionId::name)
            .thenComparing(FunctionId::file).thenComparingInt(FunctionId::line);

    public FunctionId {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(file, "file is null");
    }

    /**
     * py-spy's labels: {@code name (file)}, or {@code name (file:line)} for a line; a pseudo-frame without a file
     * (an asyncio task's, {@code task worker}) by its name alone.
     */
    public String label() {
        if (file.isEmpty() && line == 0) {
            return name;
        }
        return name + " (" + file + (line > 0 ? ":" + line : "") + ")";
    }
}
