// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.linetable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The CPython interpreters on this machine: pyenv's ({@code $PYENV_ROOT}, else ~/.pyenv) and Debian's 3.11. */
final class InstalledPythons {
    private static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3.11");

    private InstalledPythons() {
    }

    /** {@code <root>/versions/<x.y.z>/bin/python<x.y>} of every pyenv version, then the system 3.11. */
    static List<Path> all() {
        List<Path> pythons = new ArrayList<>();
        Path versions = pyenvRoot().resolve("versions");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                dirs.map(InstalledPythons::binaryOf).filter(Files::isExecutable).sorted().forEach(pythons::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + versions, e);
            }
        }
        if (Files.isExecutable(DEBIAN_PYTHON)) {
            pythons.add(DEBIAN_PYTHON);
        }
        return pythons;
    }

    private static Path binaryOf(Path versionDir) {
        String[] parts = versionDir.getFileName().toString().split("\\.");
        return versionDir.resolve("bin").resolve("python" + parts[0] + "." + (parts.length > 1 ? parts[1] : ""));
    }

    private static Path pyenvRoot() {
        String root = System.getenv("PYENV_ROOT");
        return root != null && !root.isBlank() ? Path.of(root) : Path.of(System.getProperty("user.home"), ".pyenv");
    }
}
