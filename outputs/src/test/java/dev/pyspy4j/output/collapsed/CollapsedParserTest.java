// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.collapsed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Reading collapsed stacks back, including input nobody should have written. */
class CollapsedParserTest {
    private static Map<List<String>, Long> parse(String text) throws IOException {
        return CollapsedParser.parse(new StringReader(text));
    }

    @Test
    void readsStacksRootFirstAndAddsUpRepeatedOnes() throws IOException {
        assertThat(parse("main (m.py:1);f (a b.py:2) 3\r\n\nmain (m.py:1) 1\nmain (m.py:1);f (a b.py:2) 4\n"))
                .containsExactly(
                        Map.entry(List.of("main (m.py:1)", "f (a b.py:2)"), 7L),
                        Map.entry(List.of("main (m.py:1)"), 1L));
    }

    @Test
    void readsACountAloneAsAStackWithoutFramesAndKeepsEmptyLabelsInside() throws IOException {
        assertThat(parse(" 2\na;;b 1\nc; 1\n")).containsExactly(
                Map.entry(List.of(), 2L),
                Map.entry(List.of("a", "", "b"), 1L),
                Map.entry(List.of("c", ""), 1L));
    }

    @Test
    void namesTheLineWithoutACount() {
        assertThatThrownBy(() -> parse("a 1\nmain\n")).isInstanceOfSatisfying(SpyException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
            assertThat(e.getMessage()).isEqualTo("collapsed stacks line 2 has no sample count: 'main'");
        });
    }

    @Test
    void rejectsCountsThatAreNotNonNegativeIntegers() {
        assertThatThrownBy(() -> parse("a -1"))
                .hasMessage("collapsed stacks line 1 does not end in a sample count: 'a -1'");
        assertThatThrownBy(() -> parse("a 1.5")).hasMessageContaining("does not end in a sample count");
        assertThatThrownBy(() -> parse("a ")).hasMessageContaining("does not end in a sample count");
        assertThatThrownBy(() -> parse("a 99999999999999999999"))
                .hasMessage("collapsed stacks line 1 has a sample count out of range: 'a 99999999999999999999'");
        assertThatThrownBy(() -> parse("a 9223372036854775807\na 1"))
                .hasMessage("collapsed stacks line 2 makes the sample count overflow: 'a 1'");
    }

    @Test
    void shortensALongOffendingLine() {
        String line = "x".repeat(100);

        assertThatThrownBy(() -> parse(line)).hasMessage("collapsed stacks line 1 has no sample count: '"
                + "x".repeat(60) + "...'");
    }

    @Property
    @Fuzz
    void eitherParsesOrReportsMalformedInput(@ForAll("noise") String text) {
        try {
            Map<List<String>, Long> stacks = parse(text);
            assertThat(stacks.values()).allSatisfy(count -> assertThat(count).isNotNegative());
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("ab; \n\r0123456789-.").ofMaxLength(200));
    }
}
