// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import java.util.Locale;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The columns of {@code top}'s table, as py-spy lays them out: {@code %Own %Total OwnTime TotalTime},
 * right-aligned, then the function. The column the table is sorted by carries a {@code *} (and is bold where
 * styles are shown), so the mark survives terminals without attributes and plain-text snapshots.
 */
final class TableFormat {
    private static final int[] WIDTHS = {8, 8, 9, 11};
    private static final String GAP = "  ";
    private static final String SORT_MARK = "*";

    private TableFormat() {
    }

    /** The heading row, in reverse video across {@code width} columns (0 for no padding). */
    static AttributedString heading(SortColumn sort, boolean byLine, int width) {
        AttributedStringBuilder line = new AttributedStringBuilder().style(AttributedStyle.INVERSE);
        for (SortColumn column : SortColumn.values()) {
            String title = (column == sort ? SORT_MARK : "") + column.title();
            line.append(" ".repeat(WIDTHS[column.ordinal()] - title.length()));
            if (column == sort) {
                line.style(AttributedStyle.INVERSE.bold()).append(title).style(AttributedStyle.INVERSE);
            } else {
                line.append(title);
            }
        }
        line.append(GAP).append(byLine ? "Function (filename:line)" : "Function (filename)");
        int padding = width - line.columnLength();
        if (padding > 0) {
            line.append(" ".repeat(padding));
        }
        return line.toAttributedString();
    }

    static AttributedString row(TopRow row) {
        String text = pad(percent(row.ownPercent()), 0) + pad(percent(row.totalPercent()), 1)
                + pad(seconds(row.ownSeconds()), 2) + pad(seconds(row.totalSeconds()), 3) + GAP + row.id().label();
        return new AttributedString(text);
    }

    /**
     * Seconds with py-spy's precision ({@code display_time}): none above 1000, one decimal from 100, two from 1,
     * three below.
     */
    static String seconds(double seconds) {
        int decimals = seconds > 1000 ? 0 : seconds >= 100 ? 1 : seconds >= 1 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + decimals + "fs", seconds);
    }

    static String percent(double percent) {
        return String.format(Locale.ROOT, "%.2f%%", percent);
    }

    private static String pad(String text, int column) {
        return " ".repeat(Math.max(1, WIDTHS[column] - text.length())) + text;
    }
}
