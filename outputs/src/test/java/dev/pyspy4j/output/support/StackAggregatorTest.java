// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import static dev.pyspy4j.output.Traces.frame;
import static dev.pyspy4j.output.Traces.pseudo;
import static dev.pyspy4j.output.Traces.stack;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Counting samples per stack in a call tree. */
class StackAggregatorTest {
    private static Map<List<String>, Long> stacksOf(StackAggregator aggregator) {
        Map<List<String>, Long> stacks = new LinkedHashMap<>();
        aggregator.forEachStack((labels, count) -> stacks.put(List.copyOf(labels), count));
        return stacks;
    }

    @Test
    void countsSamplesPerStackRootFirstWithLabels() {
        StackAggregator aggregator = new StackAggregator();
        aggregator.add(stack(1, "a", 1, frame("leaf", "/x/a.py", 3), frame("main", "/x/m.py", 1)), true);
        aggregator.add(stack(2, "b", 2, frame("leaf", "/x/a.py", 3), frame("main", "/x/m.py", 1)), true);
        aggregator.add(stack(1, "a", 1, frame("main", "/x/m.py", 1)), true);

        assertThat(stacksOf(aggregator)).containsExactly(
                Map.entry(List.of("main (m.py:1)"), 1L),
                Map.entry(List.of("main (m.py:1)", "leaf (a.py:3)"), 2L));
        assertThat(aggregator.totalSamples()).isEqualTo(3);
    }

    @Test
    void visitsStacksInLabelOrderWithAStackBeforeItsExtensions() {
        StackAggregator aggregator = new StackAggregator();
        aggregator.add(List.of("b", "a"), 1);
        aggregator.add(List.of("a", "c"), 2);
        aggregator.add(List.of("a"), 3);
        aggregator.add(List.of("a", "b", "z"), 4);
        aggregator.add(List.of(), 5);

        assertThat(stacksOf(aggregator).keySet()).containsExactly(List.of(), List.of("a"), List.of("a", "b", "z"),
                List.of("a", "c"), List.of("b", "a"));
        assertThat(aggregator.root().self()).isEqualTo(5);
        assertThat(aggregator.root().total()).isEqualTo(15);
    }

    @Test
    void mergesLabelsThatTheRelabellingMakesEqual() {
        StackAggregator aggregator = new StackAggregator(label -> label.replace(';', ':'));
        aggregator.add(stack(1, "a", 1, pseudo("x;y")), true);
        aggregator.add(stack(1, "a", 1, pseudo("x:y")), true);

        assertThat(stacksOf(aggregator)).containsExactly(Map.entry(List.of("x:y"), 2L));
    }

    @Test
    void walksStacksDeeperThanTheJavaCallStackCouldRecurse() {
        List<String> deep = Collections.nCopies(100_000, "recurse");
        StackAggregator aggregator = new StackAggregator();
        aggregator.add(deep, 1);

        assertThat(stacksOf(aggregator)).containsExactly(Map.entry(deep, 1L));
    }

    @Property
    void countsEveryDistinctStackWhateverTheOrderAndSplitOfAdditions(
            @ForAll("additions") List<Map.Entry<List<String>, Long>> additions) {
        Map<List<String>, Long> expected = new HashMap<>();
        additions.forEach(addition -> expected.merge(addition.getKey(), addition.getValue(), Long::sum));
        expected.values().removeIf(count -> count == 0);
        StackAggregator forwards = new StackAggregator();
        additions.forEach(addition -> forwards.add(addition.getKey(), addition.getValue()));
        List<Map.Entry<List<String>, Long>> reversed = new ArrayList<>(additions);
        Collections.reverse(reversed);
        StackAggregator backwards = new StackAggregator();
        reversed.forEach(addition -> backwards.add(addition.getKey(), addition.getValue()));

        assertThat(stacksOf(forwards)).isEqualTo(expected);
        assertThat(new ArrayList<>(stacksOf(backwards).entrySet()))
                .isEqualTo(new ArrayList<>(stacksOf(forwards).entrySet()));
        assertThat(forwards.totalSamples()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
    }

    @Provide
    Arbitrary<List<Map.Entry<List<String>, Long>>> additions() {
        Arbitrary<List<String>> stacks = Arbitraries.of("a", "b", "ab", "a b", "").list().ofMaxSize(4);
        Arbitrary<Long> counts = Arbitraries.longs().between(0, 5);
        return stacks.flatMap(stack -> counts.map(count -> Map.entry(stack, count))).list().ofMaxSize(30);
    }
}
