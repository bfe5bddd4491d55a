// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs gcc and binutils, the symbol tests' fixture builders and oracles; a missing tool fails the test with the
 * Debian package that provides it.
 */
final class Tools {
    private static final Map<String, String> DEBIAN_PACKAGES = Map.of("readelf", "binutils", "objcopy", "binutils",
            "nm", "binutils", "strip", "binutils", "gcc", "gcc", "xz", "xz-utils");

    private Tools() {
    }

    /** Runs {@code command}, failing unless it exits 0; returns its standard output lines. */
    static List<String> run(String... command) {
        requireOnPath(command[0]);
        try {
            Path errors = Files.createTempFile("tool", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
                byte[] output = process.getInputStream().readAllBytes();
                int status = process.waitFor();
                if (status != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " exited with " + status + ": "
                            + Files.readString(errors));
                }
                return new String(output, StandardCharsets.UTF_8).lines().toList();
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }

    private static void requireOnPath(String tool) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
                return;
            }
        }
        throw new IllegalStateException("tool '" + tool + "' is not on the PATH; install the Debian package '"
                + DEBIAN_PACKAGES.getOrDefault(tool, tool) + "'");
    }
}
