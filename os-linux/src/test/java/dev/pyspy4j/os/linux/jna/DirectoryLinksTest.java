// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux.jna;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The link counts statx gives for real directories. */
class DirectoryLinksTest {
    @Test
    void aTaskDirectoryCountsTwoLinksMoreThanItHasThreads() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try (DirectoryLinks links = DirectoryLinks.open("/proc/" + sleeper.pid() + "/task").orElseThrow()) {
            assertThat(links.count()).hasValue(3);
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void anOrdinaryDirectoryCountsItsSubdirectories() throws IOException {
        Path dir = Files.createTempDirectory("links");
        try {
            Files.createDirectory(dir.resolve("a"));
            Files.createDirectory(dir.resolve("b"));
            try (DirectoryLinks links = DirectoryLinks.open(dir.toString()).orElseThrow()) {
                assertThat(links.count()).hasValue(4);
            }
        } finally {
            Files.delete(dir.resolve("a"));
            Files.delete(dir.resolve("b"));
            Files.delete(dir);
        }
    }

    @Test
    void aMissingDirectoryCannotBeOpened() {
        assertThat(DirectoryLinks.open("/proc/0/task")).isEmpty();
    }
}
