// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.demangle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The binutils tools the demangler tests use as oracles: {@code c++filt -p} (run once per batch, its input
 * from a file) and {@code nm}. A missing tool fails the test naming the Debian package (CI installs binutils).
 */
final class Tools {
    private Tools() {
    }

    /** What {@code c++filt -p} prints for each name, in order (a name it cannot demangle comes back as is). */
    static List<String> cxxfilt(List<String> mangled) {
        try {
            Path input = Files.createTempFile("demangle-corpus", ".txt");
            try {
                Files.write(input, mangled, StandardCharsets.UTF_8);
                List<String> output = run(input, "c++filt", "-p");
                if (output.size() != mangled.size()) {
                    throw new IllegalStateException("c++filt printed " + output.size() + " lines for "
                            + mangled.size() + " names");
                }
                return output;
            } finally {
                Files.deleteIfExists(input);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard output lines of {@code command}; null stdin means none. Fails unless it exits 0. */
    static List<String> run(Path stdin, String... command) {
        requireOnPath(command[0]);
        try {
            Path errors = Files.createTempFile("demangle-tool", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
                builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                        : ProcessBuilder.Redirect.from(stdin.toFile()));
                Process process = builder.start();
                try {
                    byte[] output = process.getInputStream().readAllBytes();
                    int status = process.waitFor();
                    if (status != 0) {
                        throw new IllegalStateException(String.join(" ", command) + " exited with " + status
                                + ": " + Files.readString(errors));
                    }
                    return new ArrayList<>(new String(output, StandardCharsets.UTF_8).lines().toList());
                } finally {
                    process.destroyForcibly();
                }
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
        throw new IllegalStateException("tool '" + tool + "' is not on the PATH; install the Debian package"
                + " 'binutils'");
    }
}
