// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the binutils / gcc / xz-utils / LLVM / MinGW-w64 command-line tools the tests use as oracles and fixture
 * builders; a missing tool fails the test with the Debian package that provides it (CI installs it, tests never do).
 */
public final class ExternalTool {
    private static final Map<String, String> DEBIAN_PACKAGES = Map.ofEntries(
            Map.entry("readelf", "binutils"), Map.entry("objcopy", "binutils"), Map.entry("nm", "binutils"),
            Map.entry("strip", "binutils"), Map.entry("c++filt", "binutils"), Map.entry("addr2line", "binutils"),
            Map.entry("gcc", "gcc"), Map.entry("xz", "xz-utils"), Map.entry("gcore", "gdb"),
            Map.entry("llvm-readobj", "llvm"), Map.entry("llvm-objdump", "llvm"), Map.entry("llvm-mc", "llvm"),
            Map.entry("x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64"));

    private ExternalTool() {
    }

    /** Runs {@code command}, failing unless it exits 0; returns its standard output lines. */
    public static List<String> run(String... command) {
        return runIn(null, command);
    }

    /** Runs {@code command} in {@code directory} (null: the current one). */
    static List<String> runIn(Path directory, String... command) {
        return run(directory, null, command);
    }

    /** Runs {@code command} with its standard input from {@code stdin} (null: none). */
    public static List<String> runWithInput(Path stdin, String... command) {
        return run(null, stdin, command);
    }

    private static List<String> run(Path directory, Path stdin, String... command) {
        requireOnPath(command[0]);
        try {
            Path errors = Files.createTempFile("tool", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                builder.redirectInput(ProcessBuilder.Redirect.from(stdin == null ? new File("/dev/null")
                        : stdin.toFile()));
                Process process = builder.start();
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

    public static void requireOnPath(String tool) {
        if (tool.contains("/") && Files.isExecutable(Path.of(tool))) {
            return;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
                return;
            }
        }
        throw new IllegalStateException("tool '" + tool + "' is not on the PATH; install the Debian package '"
                + DEBIAN_PACKAGES.getOrDefault(tool, tool) + "'");
    }
}
