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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which lines of a source file the report embeds, and the files it refuses to read. */
class SourceExcerptsTest {
    private static final Limits LIMITS = new Limits(10_000, 2, 3, 20);

    @TempDir
    Path temp;

    private Path source(int lines) throws IOException {
        return Files.writeString(temp.resolve("app.py"), String.join("\n",
                IntStream.rangeClosed(1, lines).mapToObj(line -> "line " + line).toList()) + "\n");
    }

    private static SourceFile excerpt(Path file, Integer... lines) {
        return SourceExcerpts.excerpt(7, file.toString(), new TreeSet<>(List.of(lines)), LIMITS);
    }

    @Test
    void keepsTheSampledLinesWithContextMergingExcerptsThatMeet() throws IOException {
        SourceFile file = excerpt(source(40), 1, 6, 20);

        assertThat(file.file()).isEqualTo(7);
        assertThat(file.problem()).isNull();
        assertThat(file.excerpts()).containsExactly(
                new Excerpt(1, List.of("line 1", "line 2", "line 3", "line 4", "line 5", "line 6", "line 7",
                        "line 8")),
                new Excerpt(18, List.of("line 18", "line 19", "line 20", "line 21", "line 22")));
    }

    @Test
    void stopsAtTheFilesEdgesAndTheLimitOfSampledLines() throws IOException {
        SourceFile file = excerpt(source(40), 2, 10, 20, 30, 40);

        // Three sampled lines at most: 2, 10 and 20.
        assertThat(file.excerpts()).extracting(Excerpt::firstLine).containsExactly(1, 8, 18);
        assertThat(excerpt(source(40), 40).excerpts())
                .containsExactly(new Excerpt(38, List.of("line 38", "line 39", "line 40")));
    }

    @Test
    void cutsLongLinesAndReadsEveryLineEnding() throws IOException {
        Path file = Files.write(temp.resolve("mixed.py"),
                ("a\r\nb\rc\n" + "x".repeat(30) + "\n\u00e9\u540d\n").getBytes(StandardCharsets.UTF_8));

        assertThat(excerpt(file, 3).excerpts()).containsExactly(
                new Excerpt(1, List.of("a", "b", "c", "x".repeat(20) + "\u2026", "\u00e9\u540d")));
        assertThat(SourceExcerpts.splitLines(new byte[] {'a', (byte) 0xff, '\n'})).containsExactly("a\uFFFD");
    }

    @Test
    void aFileShorterThanASampledLineChangedSinceAndKeepsWhatItHas() throws IOException {
        SourceFile file = excerpt(source(5), 3, 9);

        assertThat(file.problem()).isEqualTo(
                "the file has 5 lines, fewer than the sampled line 9: it changed since the program loaded it");
        assertThat(file.excerpts()).containsExactly(
                new Excerpt(1, List.of("line 1", "line 2", "line 3", "line 4", "line 5")));
    }

    @Test
    void saysWhyAFileIsNotRead() throws IOException {
        Files.createDirectory(temp.resolve("package.py"));
        Path big = Files.writeString(temp.resolve("big.py"), "x = 1\n".repeat(2000));
        Path notPython = Files.writeString(temp.resolve("secret.txt"), "password\n");
        Path link = Files.createSymbolicLink(temp.resolve("link.py"), notPython);

        assertThat(excerpt(temp.resolve("gone.py"), 1).problem()).isEqualTo("source not readable: no such file here");
        assertThat(excerpt(temp.resolve("package.py"), 1).problem())
                .isEqualTo("source not readable: not a regular file");
        assertThat(excerpt(big, 1).problem()).isEqualTo("source not read: larger than 10000 bytes");
        assertThat(excerpt(notPython, 1).problem()).isEqualTo("source not readable: not a Python source file");
        assertThat(excerpt(link, 1).problem())
                .isEqualTo("source not readable: a link to a file that is not Python source");
        assertThat(SourceExcerpts.excerpt(0, "app.py", new TreeSet<>(List.of(1)), LIMITS).problem())
                .isEqualTo("source not readable: a relative path, relative to the program's directory");
        assertThat(SourceExcerpts.excerpt(0, "<frozen importlib._bootstrap>", new TreeSet<>(List.of(1)), LIMITS)
                .problem()).isEqualTo("source not readable: not a Python source file");
        for (String path : List.of("gone.py", "package.py", "big.py")) {
            assertThat(excerpt(temp.resolve(path), 1).excerpts()).isEmpty();
        }
    }

    @Test
    void aFileWithoutPermissionToReadItIsNotReadable() throws IOException {
        Path locked = source(3);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // Root reads any file whatever its permissions; then the file is read as any other.
        boolean root = Files.isReadable(locked);

        SourceFile file = excerpt(locked, 1);
        if (root) {
            assertThat(file.problem()).isNull();
        } else {
            assertThat(file.problem()).startsWith("source not readable: AccessDeniedException");
        }
    }
}
