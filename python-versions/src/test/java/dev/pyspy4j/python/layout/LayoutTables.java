// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import dev.pyspy4j.spi.TargetArch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checked-in layout tables in the module's source tree, one directory per architecture, for the tests that
 * regenerate and inspect them.
 */
final class LayoutTables {
    private LayoutTables() {
    }

    /** The directory that holds one table directory per architecture; Maven runs tests in {@code basedir}. */
    static Path root() {
        Path module = Path.of(System.getProperty("basedir", "."));
        return module.resolve("src/main/resources/dev/pyspy4j/python/layout");
    }

    /** The source directory of the tables of {@code arch}. */
    static Path directory(TargetArch arch) {
        return root().resolve(arch.name());
    }

    /** The names of the architecture directories present, sorted. */
    static List<String> architectureDirectories() {
        try (Stream<Path> entries = Files.list(root())) {
            return entries.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root(), e);
        }
    }

    /** Every {@code cpython-*.properties} file of {@code arch}, sorted by name. */
    static List<Path> files(TargetArch arch) {
        try (Stream<Path> files = Files.list(directory(arch))) {
            return files.filter(file -> file.getFileName().toString().matches("cpython-\\d+\\.\\d+t?\\.properties"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory(arch), e);
        }
    }

    /** {@code 3.11} for {@code cpython-3.11.properties}, {@code 3.13t} for a free-threaded build's table. */
    static String minorVersion(Path file) {
        String name = file.getFileName().toString();
        return name.substring("cpython-".length(), name.length() - ".properties".length());
    }
}
