// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * The columns {@code top} sorts by, largest first, with the keys that choose them (py-spy's 1 to 4). Ties are
 * broken by the column's partner (the same measure over the other period) and then by name, so the order never
 * flickers between two refreshes of equal rows.
 */
public enum SortColumn {
    OWN_PERCENT('1', "%Own", TopRow::ownPercent, TopRow::ownSeconds),
    TOTAL_PERCENT('2', "%Total", TopRow::totalPercent, TopRow::totalSeconds),
    OWN_TIME('3', "OwnTime", TopRow::ownSeconds, TopRow::ownPercent),
    TOTAL_TIME('4', "TotalTime", TopRow::totalSeconds, TopRow::totalPercent);

    private final char key;
    private final String title;
    private final Comparator<TopRow> order;

    SortColumn(char key, String title, ToDoubleFunction<TopRow> value, ToDoubleFunction<TopRow> partner) {
        this.key = key;
        this.title = title;
        this.order = Comparator.comparingDouble(value).reversed()
                .thenComparing(Comparator.comparingDouble(partner).reversed())
                .thenComparing(TopRow::id, FunctionId.NATURAL);
    }

    public char key() {
        return key;
    }

    /** The column's heading. */
    public String title() {
        return title;
    }

    public Comparator<TopRow> order() {
        return order;
    }

    /** The column chosen by a key, or {@code null} when the key chooses none. */
    static SortColumn forKey(int key) {
        for (SortColumn column : values()) {
            if (column.key == key) {
                return column;
            }
        }
        return null;
    }
}
