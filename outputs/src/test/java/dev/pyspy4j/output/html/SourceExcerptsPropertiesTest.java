// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.output.html.SourceExcerpts.Excerpt;
import dev.pyspy4j.output.html.SourceExcerpts.Limits;
import dev.pyspy4j.output.html.SourceExcerpts.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Any bytes a source file holds are split into lines without failing, and the excerpts of any sampled lines are the
 * file's own lines at their numbers, in order, without overlap, each sampled line in one.
 */
class SourceExcerptsPropertiesTest {
    private static final Limits LIMITS = new Limits(1 << 20, 2, 1000, 1000);

    @Property(tries = 300)
    void anyBytesSplitIntoLinesWithoutTheirEndings(@ForAll @Size(max = 300) byte[] bytes) {
        List<String> lines = SourceExcerpts.splitLines(bytes);

        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        long endings = text.chars().filter(c -> c == '\n').count()
                + text.replace("\r\n", "\n").chars().filter(c -> c == '\r').count();
        boolean unterminated = !text.isEmpty() && !text.endsWith("\n") && !text.endsWith("\r");
        assertThat(lines).hasSize((int) endings + (unterminated ? 1 : 0));
    }

    @Property(tries = 100)
    void excerptsHoldTheFilesLinesAroundEverySampledLine(@ForAll("texts") String text,
            @ForAll @Size(max = 12) Set<@IntRange(min = 1, max = 80) Integer> sampled) throws IOException {
        Path directory = Files.createTempDirectory("pyspy4j-excerpts");
        try {
            Path file = Files.writeString(directory.resolve("app.py"), text);
            List<String> lines = SourceExcerpts.splitLines(text.getBytes(StandardCharsets.UTF_8));

            SourceFile excerpts = SourceExcerpts.excerpt(0, file.toString(), new TreeSet<>(sampled), LIMITS);

            List<Integer> embedded = new ArrayList<>();
            for (Excerpt excerpt : excerpts.excerpts()) {
                for (int i = 0; i < excerpt.lines().size(); i++) {
                    int line = excerpt.firstLine() + i;
                    assertThat(excerpt.lines().get(i)).isEqualTo(lines.get(line - 1));
                    assertThat(embedded).doesNotContain(line);
                    assertThat(embedded.isEmpty() || embedded.get(embedded.size() - 1) < line).isTrue();
                    embedded.add(line);
                }
            }
            for (int line : sampled) {
                assertThat(embedded.contains(line)).as("line " + line).isEqualTo(line <= lines.size());
            }
            assertThat(excerpts.problem() == null).isEqualTo(sampled.stream().allMatch(line -> line <= lines.size()));
        } finally {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab \t#:\n\r\u00e9\u540d").ofMaxLength(400);
    }
}
