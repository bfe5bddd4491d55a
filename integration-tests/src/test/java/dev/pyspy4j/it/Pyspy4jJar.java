// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs the shaded distribution jar as users do, {@code java -jar pyspy4j.jar ...}, in a child JVM. */
final class Pyspy4jJar {
    private static final long RUN_TIMEOUT_SECONDS = 120;

    private Pyspy4jJar() {
    }

    /** The shaded jar the cli module packaged (the default is its path from this module's directory). */
    static Path path() {
        Path jar = Path.of(System.getProperty("pyspy4j.jar", "../cli/target/pyspy4j.jar")).toAbsolutePath();
        assertThat(jar).as("the shaded jar (run 'mvn verify', which packages it first)").isRegularFile();
        return jar;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java -jar <the built jar> args...}. */
    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", path().toString()));
        command.addAll(List.of(args));
        return runCommand(command);
    }

    /**
     * Runs a command with a fixed UTF-8 locale (as the {@code pyspy4j} launcher ensures) and without colour
     * overrides, so that results do not depend on the environment of the build.
     */
    static Result runCommand(List<String> command) throws IOException, InterruptedException {
        return runCommand(command, Path.of("").toAbsolutePath());
    }

    /** Runs a command as {@link #runCommand(List)} does, in {@code directory}. */
    static Result runCommand(List<String> command, Path directory) throws IOException, InterruptedException {
        return runCommand(command, directory, environment -> { });
    }

    /** Runs a command as {@link #runCommand(List, Path)} does, with its environment changed by {@code changes}. */
    static Result runCommand(List<String> command, Path directory, Consumer<Map<String, String>> changes)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("LC_ALL", "C.UTF-8");
        environment.remove("CLICOLOR_FORCE");
        changes.accept(environment);
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            throw new AssertionError("'" + String.join(" ", command) + "' did not finish; stderr so far: " + err.join());
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    private static String readAll(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        /** Describes the run for assertion messages. */
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
