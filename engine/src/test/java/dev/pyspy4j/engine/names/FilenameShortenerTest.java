// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * py-spy's filename shortening over a directory tree standing for the target's file system,
 * seen, as in a container, under another root.
 */
class FilenameShortenerTest {
    @TempDir
    Path root;

    private FilenameShortener shortener;

    @BeforeEach
    void seeTheTreeThroughItsRoot() throws IOException {
        touch("usr/lib/python3.12/multiprocessing/__init__.py");
        touch("usr/lib/python3.12/multiprocessing/process.py");
        touch("usr/lib/python3.12/threading.py");
        touch("srv/app/outer/__init__.py");
        touch("srv/app/outer/inner/__init__.py");
        touch("srv/app/outer/inner/deep/__init__.py");
        touch("srv/app/outer/inner/deep/mod.py");
        touch("srv/app/outer/gap/leaf/__init__.py");
        touch("srv/app/outer/gap/leaf/mod.py");
        shortener = FilenameShortener.seenBy(path -> root.resolve(path.substring(1)));
    }

    private void touch(String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
    }

    @Test
    void keepsThePackagePart() {
        assertThat(shortener.shorten("/usr/lib/python3.12/multiprocessing/process.py"))
                .isEqualTo("multiprocessing/process.py");
    }

    @Test
    void aModuleOutsideAPackageKeepsItsFileName() {
        assertThat(shortener.shorten("/usr/lib/python3.12/threading.py")).isEqualTo("threading.py");
        assertThat(shortener.shorten("/tmp/t.py")).isEqualTo("t.py");
    }

    @Test
    void nestedPackagesAreAllKept() {
        assertThat(shortener.shorten("/srv/app/outer/inner/deep/mod.py")).isEqualTo("outer/inner/deep/mod.py");
    }

    @Test
    void theWalkStopsAtTheFirstDirectoryWithoutInit() {
        assertThat(shortener.shorten("/srv/app/outer/gap/leaf/mod.py")).isEqualTo("leaf/mod.py");
    }

    @Test
    void pseudoFilesAndRelativeNamesAreUnchanged() {
        assertThat(shortener.shorten("<frozen importlib._bootstrap>")).isEqualTo("<frozen importlib._bootstrap>");
        assertThat(shortener.shorten("<string>")).isEqualTo("<string>");
        assertThat(shortener.shorten("t.py")).isEqualTo("t.py");
        assertThat(shortener.shorten("")).isEqualTo("");
    }

    @Test
    void aFileAtTheRootKeepsItsName() {
        assertThat(shortener.shorten("/t.py")).isEqualTo("t.py");
    }

    @Test
    void looksAtTheTargetsFilesNotOurs() {
        FilenameShortener hostView = FilenameShortener.seenBy(Path::of);

        assertThat(hostView.shorten("/usr/lib/python3.12/multiprocessing/process.py")).isEqualTo("process.py");
    }

    @Test
    void remembersEachAnswer() throws IOException {
        assertThat(shortener.shorten("/usr/lib/python3.12/multiprocessing/process.py"))
                .isEqualTo("multiprocessing/process.py");
        Files.delete(root.resolve("usr/lib/python3.12/multiprocessing/__init__.py"));

        assertThat(shortener.shorten("/usr/lib/python3.12/multiprocessing/process.py"))
                .isEqualTo("multiprocessing/process.py");
    }

    @Test
    void aPathTheJvmCannotNameIsNoPackage() {
        FilenameShortener unnameable = FilenameShortener.seenBy(path -> {
            throw new InvalidPathException(path, "unmappable character");
        });

        assertThat(unnameable.shorten("/srv/app/outer/inner/deep/mod.py")).isEqualTo("mod.py");
    }

    @Test
    void fullNamesAreKeptWhole() {
        assertThat(FilenameShortener.keepingFullNames().shorten("/usr/lib/python3.12/multiprocessing/process.py"))
                .isEqualTo("/usr/lib/python3.12/multiprocessing/process.py");
    }

    @Test
    void fillsTheShortNameOfEveryFrame() {
        StackTrace trace = new StackTrace(1, 2, "t", 3, true, false, List.of(
                Frame.python("run", "/usr/lib/python3.12/multiprocessing/process.py", 108),
                Frame.python("<module>", "/tmp/t.py", 1)), null);

        List<StackTrace> shortened = shortener.shortenAll(List.of(trace));

        assertThat(shortened).singleElement().satisfies(t -> assertThat(t.frames())
                .extracting(Frame::shortFilename).containsExactly("multiprocessing/process.py", "t.py"));
    }

    @Test
    void aNativeFrameIsShortenedToItsFilesBaseNameWhereverItLies() throws IOException {
        touch("usr/lib/__init__.py");
        Frame binary = new Frame("clock_nanosleep", "/usr/lib/libc.so.6", "/usr/lib/libc.so.6", null, 0, null,
                false, false);
        Frame source = new Frame("spin", "/build/src/fast.c", "/app/fast.so", null, 12, null, false, false);
        Frame unknown = new Frame("0x1234", "?", "?", null, 0, null, false, false);

        assertThat(shortener.shorten(binary)).isEqualTo("libc.so.6");
        assertThat(shortener.shorten(source)).isEqualTo("fast.c");
        assertThat(shortener.shorten(unknown)).isEqualTo("?");
        assertThat(FilenameShortener.keepingFullNames().shorten(binary)).isEqualTo("/usr/lib/libc.so.6");
    }
}
