// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A place where interpreters are installed: a glob over absolute paths (each component may hold {@code *},
 * {@code ?} or {@code [...]}) and a pattern the program's file name must match.
 *
 * @param origin the name tests and messages use for the place, e.g. {@code pyenv}
 * @param glob where to look, e.g. {@code /root/.pyenv/versions/*}{@code /bin/python*}
 * @param fileName the file names that are interpreters; the default {@link #VERSIONED} leaves out
 *     {@code python3.11-config} and the free-threaded {@code python3.13t}, which {@link #FREE_THREADED} names
 */
public record InterpreterLocation(String origin, Path glob, Pattern fileName) {
    /** {@code python<major>.<minor>} exactly. */
    public static final Pattern VERSIONED = Pattern.compile("python\\d+\\.\\d+");
    /** {@code python<major>.<minor>t}: a free-threaded build's program. */
    public static final Pattern FREE_THREADED = Pattern.compile("python\\d+\\.\\d+t");
    /** Any file the glob matches: for places the user names explicitly. */
    public static final Pattern ANY = Pattern.compile(".*");

    public InterpreterLocation {
        if (!glob.isAbsolute()) {
            throw new IllegalArgumentException("interpreter location " + glob + " is not an absolute path");
        }
    }

    /** The executable files the glob matches, sorted by path. */
    public List<Path> candidates() {
        List<Path> matches = List.of(glob.getRoot());
        for (Path component : glob) {
            List<Path> next = new ArrayList<>();
            for (Path directory : matches) {
                next.addAll(expand(directory, component.toString()));
            }
            matches = next;
        }
        return matches.stream().filter(path -> fileName.matcher(path.getFileName().toString()).matches())
                .filter(path -> Files.isRegularFile(path) && Files.isExecutable(path)).sorted().toList();
    }

    /** Where an interpreter of {@code minorVersion} would be, for messages about a missing one. */
    public Path expectedPath(String minorVersion) {
        return glob.resolveSibling("python" + minorVersion);
    }

    private static List<Path> expand(Path directory, String component) {
        if (!component.matches(".*[*?\\[].*")) {
            Path child = directory.resolve(component);
            return Files.exists(child) ? List.of(child) : List.of();
        }
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, component)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return children;
    }
}
