// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The four sort orders of {@code top}'s table, largest first, and how they break ties. */
class SortColumnTest {
    private static final TopRow LEAF = row("leaf", 60, 60, 1, 1);
    private static final TopRow CALLER = row("caller", 10, 90, 5, 9);
    private static final TopRow OLD = row("old", 0, 0, 30, 40);
    private static final TopRow MAIN = row("main", 5, 100, 2, 50);

    private static TopRow row(String name, double ownPercent, double totalPercent, double ownSeconds,
                              double totalSeconds) {
        return new TopRow(new FunctionId(name, "t.py", 0), ownPercent, totalPercent, ownSeconds, totalSeconds);
    }

    private static List<String> sorted(SortColumn column, TopRow... rows) {
        List<TopRow> list = new ArrayList<>(List.of(rows));
        Collections.shuffle(list);
        list.sort(column.order());
        return list.stream().map(row -> row.id().name()).toList();
    }

    @Test
    void eachColumnSortsLargestFirst() {
        assertThat(sorted(SortColumn.OWN_PERCENT, LEAF, CALLER, OLD, MAIN)).containsExactly("leaf", "caller",
                "main", "old");
        assertThat(sorted(SortColumn.TOTAL_PERCENT, LEAF, CALLER, OLD, MAIN)).containsExactly("main", "caller",
                "leaf", "old");
        assertThat(sorted(SortColumn.OWN_TIME, LEAF, CALLER, OLD, MAIN)).containsExactly("old", "caller", "main",
                "leaf");
        assertThat(sorted(SortColumn.TOTAL_TIME, LEAF, CALLER, OLD, MAIN)).containsExactly("main", "old",
                "caller", "leaf");
    }

    @Test
    void tiesGoToThePartnerColumnThenToTheName() {
        TopRow b = row("b", 10, 10, 3, 3);
        TopRow a = row("a", 10, 10, 3, 3);
        TopRow longer = row("c", 10, 10, 7, 7);

        assertThat(sorted(SortColumn.OWN_PERCENT, b, a, longer)).containsExactly("c", "a", "b");
        assertThat(sorted(SortColumn.OWN_TIME, b, row("recent", 50, 50, 3, 3), a)).containsExactly("recent", "a",
                "b");
    }

    @ParameterizedTest
    @CsvSource({"49, OWN_PERCENT", "50, TOTAL_PERCENT", "51, OWN_TIME", "52, TOTAL_TIME"})
    void theKeysOneToFourChooseTheColumns(int key, SortColumn column) {
        assertThat(SortColumn.forKey(key)).isEqualTo(column);
        assertThat(column.key()).isEqualTo((char) key);
    }

    @Test
    void otherKeysChooseNoColumn() {
        assertThat(SortColumn.forKey('5')).isNull();
        assertThat(SortColumn.forKey('0')).isNull();
    }
}
