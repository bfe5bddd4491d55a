// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A readable line diff of two tables: lines only in the first ({@code -}) and only in the second ({@code +}). */
final class TableDiff {
    private TableDiff() {
    }

    static String of(String expected, String actual) {
        Set<String> expectedLines = new LinkedHashSet<>(expected.lines().toList());
        Set<String> actualLines = new LinkedHashSet<>(actual.lines().toList());
        StringBuilder diff = new StringBuilder();
        append(diff, "- ", expectedLines, actualLines);
        append(diff, "+ ", actualLines, expectedLines);
        return diff.toString();
    }

    private static void append(StringBuilder diff, String marker, Set<String> lines, Set<String> others) {
        List<String> missing = lines.stream().filter(line -> !others.contains(line)).toList();
        missing.forEach(line -> diff.append(marker).append(line).append('\n'));
    }
}
