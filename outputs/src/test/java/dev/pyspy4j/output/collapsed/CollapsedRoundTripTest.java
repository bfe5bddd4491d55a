// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.collapsed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.output.Traces;
import dev.pyspy4j.output.Traces.Timed;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(write(x)) == x: what the raw format writes reads back as the same stacks and counts. */
class CollapsedRoundTripTest {
    @Property
    void readsBackTheStacksItWrote(@ForAll("stackCounts") Map<List<String>, Integer> stackCounts) throws IOException {
        List<Timed> samples = new ArrayList<>();
        stackCounts.forEach((labels, count) -> {
            for (int i = 0; i < count; i++) {
                samples.add(new Timed(traceWithLabels(labels), samples.size() * 10_000_000L));
            }
        });
        Map<List<String>, Long> expected = new HashMap<>();
        stackCounts.forEach((labels, count) -> expected.put(labels, (long) count));

        byte[] written = Traces.write(new CollapsedFormat(), Traces.WITH_LINES, samples);

        assertThat(CollapsedParser.parse(new ByteArrayInputStream(written))).isEqualTo(expected);
    }

    /** A stack whose frames are labelled exactly {@code labels} (root first): names without files. */
    private static StackTrace traceWithLabels(List<String> rootFirst) {
        List<Frame> leafFirst = new ArrayList<>();
        for (int i = rootFirst.size() - 1; i >= 0; i--) {
            leafFirst.add(Traces.pseudo(rootFirst.get(i)));
        }
        return Traces.stack(1, "t", 1, leafFirst.toArray(Frame[]::new));
    }

    @Provide
    Arbitrary<Map<List<String>, Integer>> stackCounts() {
        // A single empty label would read back as a stack without frames, so one-frame stacks have text.
        Arbitrary<List<String>> stacks = Arbitraries.oneOf(
                label().list().ofMinSize(2).ofMaxSize(6),
                label().filter(text -> !text.isEmpty()).list().ofSize(1),
                Arbitraries.just(List.of()));
        return Arbitraries.maps(stacks, Arbitraries.integers().between(1, 4)).ofMaxSize(8);
    }

    /** Text with spaces, parentheses, digits, markup and non-ASCII (one and two UTF-16 units), never ; or breaks. */
    private static Arbitrary<String> label() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abc xyz()<>&\"':.0123456789_").ofMaxLength(4),
                Arbitraries.of("é", "ünï", "関数", "名前.py", "😀", "𝔘", "\t", " 12", "(a.py:3)"));
        return pieces.list().ofMaxSize(5).map(parts -> String.join("", parts));
    }
}
