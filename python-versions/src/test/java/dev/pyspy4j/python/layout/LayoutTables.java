// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The checked-in layout tables in the module's source tree, for the tests that regenerate and inspect them. */
final class LayoutTables {
    private LayoutTables() {
    }

    /** The source directory of the tables; Maven runs tests in the module directory ({@code basedir}). */
    static Path directory() {
        Path module = Path.of(System.getProperty("basedir", "."));
        return module.resolve("src/main/resources/dev/pyspy4j/python/layout");
    }

    /** Every {@code cpython-*.properties} file, sorted by name. */
    static List<Path> files() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(file -> file.getFileName().toString().matches("cpython-\\d+\\.\\d+\\.properties"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory(), e);
        }
    }

    /** {@code 3.11} for {@code cpython-3.11.properties}. */
    static String minorVersion(Path file) {
        String name = file.getFileName().toString();
        return name.substring("cpython-".length(), name.length() - ".properties".length());
    }
}
