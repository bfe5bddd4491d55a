// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.output.Recorder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output file: refused early when it cannot be written, replaced whole at the end. */
class OutputFileTest {
    @TempDir
    Path directory;

    /** A recorder that writes fixed text, or fails half-way. */
    private static Recorder writing(String text, boolean failing) {
        return new Recorder() {
            @Override
            public void record(StackTrace trace, long elapsedNanos) {
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                if (failing) {
                    throw new IOException("No space left on device");
                }
            }

            @Override
            public String announce(String path) {
                return "Wrote '" + path + "'";
            }
        };
    }

    private String[] listing() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void checkingLeavesNothingBehind() throws IOException {
        OutputFile file = OutputFile.prepare(directory.resolve("out.svg").toString());

        assertThat(file.shownAs()).isEqualTo(directory.resolve("out.svg").toString());
        assertThat(listing()).isEmpty();
    }

    @Test
    void aMissingDirectoryIsRefusedBeforeAnythingIsWritten() {
        String name = directory.resolve("no/such/out.svg").toString();

        assertThatThrownBy(() -> OutputFile.prepare(name)).isInstanceOfSatisfying(SpyException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.OUTPUT);
            assertThat(e.getMessage()).isEqualTo("cannot write '" + name + "': no such directory '"
                    + directory.resolve("no/such") + "'");
        });
        assertThat(directory.resolve("no")).doesNotExist();
    }

    @Test
    void aDirectoryIsNoOutputFile() {
        assertThatThrownBy(() -> OutputFile.prepare(directory.toString()))
                .hasMessage("cannot write '" + directory + "': it is a directory");
    }

    @Test
    void aFileInPlaceOfTheDirectoryIsRefused() throws IOException {
        Files.writeString(directory.resolve("plain"), "x");
        String name = directory.resolve("plain/out.svg").toString();

        assertThatThrownBy(() -> OutputFile.prepare(name)).hasMessageStartingWith("cannot write '" + name
                + "': no such directory");
    }

    @Test
    void writesTheRecordingAndNothingElse() throws IOException {
        OutputFile file = OutputFile.prepare(directory.resolve("out.txt").toString());

        file.write(writing("a;b 3\n", false));

        assertThat(directory.resolve("out.txt")).hasContent("a;b 3");
        assertThat(listing()).containsExactly("out.txt");
    }

    @Test
    void replacesAnOlderFile() throws IOException {
        Files.writeString(directory.resolve("out.txt"), "old profile, longer than the new one\n");
        OutputFile file = OutputFile.prepare(directory.resolve("out.txt").toString());

        file.write(writing("new\n", false));

        assertThat(directory.resolve("out.txt")).hasContent("new");
    }

    @Test
    void aFailedWriteLeavesTheOlderFileAndNoTemporaryFile() throws IOException {
        Files.writeString(directory.resolve("out.txt"), "old\n");
        OutputFile file = OutputFile.prepare(directory.resolve("out.txt").toString());

        assertThatThrownBy(() -> file.write(writing("partial", true))).isInstanceOfSatisfying(SpyException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.OUTPUT);
                    assertThat(e.getMessage()).endsWith("out.txt': No space left on device");
                });
        assertThat(directory.resolve("out.txt")).hasContent("old");
        assertThat(listing()).containsExactly("out.txt");
    }

    @Test
    void theFileGetsTheUsualPermissionsOfANewFileNotThoseOfATemporaryOne() throws IOException {
        Path reference = Files.createFile(directory.resolve("reference"));
        OutputFile file = OutputFile.prepare(directory.resolve("out.txt").toString());

        file.write(writing("x", false));

        assertThat(Files.getPosixFilePermissions(directory.resolve("out.txt")))
                .isEqualTo(Files.getPosixFilePermissions(reference));
    }
}
