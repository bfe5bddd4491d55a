// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import com.sun.jna.Native;
import dev.pyspy4j.spi.SpyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a main class of this module's test class path in a new JVM, optionally as another user. The class path
 * (this module's classes, its test classes, JNA and the SPI) is copied to a world-readable temporary directory,
 * since another user may not read the build tree or the local Maven repository.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** Runs {@code mainClass} to completion and returns its standard output. */
    static String run(Path workDir, List<String> userPrefix, Class<?> mainClass, String... arguments)
            throws IOException, InterruptedException {
        Process process = start(workDir, userPrefix, mainClass, arguments);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    /** Starts {@code mainClass}; the caller reads its output and ends it. */
    static Process start(Path workDir, List<String> userPrefix, Class<?> mainClass, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(userPrefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djna.tmpdir=" + worldWritable(workDir.resolve("jna")), "-cp", copyClassPath(workDir),
                mainClass.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String copyClassPath(Path workDir) throws IOException {
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (Class<?> anchor : List.of(LinuxTargetProcess.class, ChildJvm.class, Native.class, SpyException.class)) {
            Path source = locationOf(anchor);
            Path copy = workDir.resolve("cp" + index++ + (Files.isDirectory(source) ? "" : ".jar"));
            copyReadable(source, copy);
            entries.add(copy.toString());
        }
        return String.join(":", entries);
    }

    private static void copyReadable(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    private static String worldWritable(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir.toString();
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
