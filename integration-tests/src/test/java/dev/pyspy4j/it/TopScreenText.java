// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code top}'s table and header back from the text of a screen or a snapshot. */
final class TopScreenText {
    private static final Pattern ROW = Pattern.compile(
            "^\\s*(\\d+\\.\\d\\d)%\\s+(\\d+\\.\\d\\d)%\\s+(\\d+(?:\\.\\d+)?)s\\s+(\\d+(?:\\.\\d+)?)s  (.+)$");
    private static final Pattern SAMPLES = Pattern.compile("Total Samples (\\d+)");

    private TopScreenText() {
    }

    /** The rows of the table, top to bottom. */
    static List<Row> rows(String screen) {
        List<Row> rows = new ArrayList<>();
        for (String line : screen.lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.add(new Row(Double.parseDouble(row.group(1)), Double.parseDouble(row.group(2)),
                        Double.parseDouble(row.group(3)), Double.parseDouble(row.group(4)), row.group(5).strip()));
            }
        }
        return rows;
    }

    /** The row whose label starts with {@code function + " ("}. */
    static Optional<Row> row(String screen, String function) {
        return rows(screen).stream().filter(row -> row.label().startsWith(function + " (")).findFirst();
    }

    /** The table's heading line, without the spaces that carry its reverse video to the edge of the screen. */
    static String heading(String screen) {
        return screen.lines().filter(line -> line.contains("Function (filename")).findFirst().orElse("")
                .stripTrailing();
    }

    /** The sample count of the header; 0 before the first header is shown. */
    static long samples(String screen) {
        Matcher samples = SAMPLES.matcher(screen);
        return samples.find() ? Long.parseLong(samples.group(1)) : 0;
    }

    /** One row as shown. */
    record Row(double ownPercent, double totalPercent, double ownSeconds, double totalSeconds, String label) {
    }
}
