// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code java -jar pyspy4j.jar record ...} running in the background, its output going to files (no pipe can fill
 * up), so that a test can signal it mid-run. Started through {@code env} (GNU coreutils 8.31+), which sets the
 * disposition of the stop signals it inherits: SIGINT at its default for most tests, whatever the build's own
 * disposition; SIGINT and SIGTERM ignored to test pyspy4j started the way a shell script's background job is.
 */
final class RecordRun implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 120;

    private final Process process;
    private final Path out;
    private final Path err;

    private RecordRun(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code record args...} in {@code directory}, with {@code stdin} as its standard input. */
    static RecordRun start(Path directory, String stdin, String... args) throws IOException {
        return start(directory, stdin, "--default-signal=INT", args);
    }

    /**
     * Starts {@code record args...} in {@code directory} with SIGINT and SIGTERM ignored from the start, as a
     * background job of a shell script (SIGINT) or a child of a program that ignores them inherits them.
     */
    static RecordRun startWithStopSignalsIgnored(Path directory, String... args) throws IOException {
        return start(directory, "", "--ignore-signal=INT,TERM", args);
    }

    private static RecordRun start(Path directory, String stdin, String signalDisposition, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("env", signalDisposition, Pyspy4jJar.java(), "-jar",
                Pyspy4jJar.path().toString(), "record"));
        command.addAll(List.of(args));
        return start(directory, stdin, command, variables -> variables.put("LC_ALL", "C.UTF-8"));
    }

    /**
     * Starts {@code command}, another way of running pyspy4j (a distribution's launcher, say), in {@code directory}
     * with its environment changed by {@code environment}.
     */
    static RecordRun startCommand(Path directory, List<String> command, Consumer<Map<String, String>> environment)
            throws IOException {
        return start(directory, "", command, environment);
    }

    private static RecordRun start(Path directory, String stdin, List<String> command,
                                   Consumer<Map<String, String>> environment) throws IOException {
        Path out = Files.createTempFile(directory, "record", ".out");
        Path err = Files.createTempFile(directory, "record", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        environment.accept(builder.environment());
        Process process = builder.start();
        try (OutputStream input = process.getOutputStream()) {
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        return new RecordRun(process, out, err);
    }

    /** Runs {@code record args...} in {@code directory} to its end. */
    static Pyspy4jJar.Result run(Path directory, String... args) throws IOException, InterruptedException {
        try (RecordRun run = start(directory, "", args)) {
            return run.finish();
        }
    }

    long pid() {
        return process.pid();
    }

    /** Waits until standard error shows {@code text}; fails if the run ends first. */
    void awaitErr(String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!Files.readString(err, StandardCharsets.UTF_8).contains(text)) {
            assertThat(process.isAlive()).as("record still running, waiting for '%s'; stderr so far:%n%s", text,
                    Files.readString(err, StandardCharsets.UTF_8)).isTrue();
            assertThat(System.nanoTime()).as("waiting for '%s'", text).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Sends a signal by name, e.g. {@code INT}, with kill(1). */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s", name).isZero();
    }

    /** Waits for the end and returns what the run printed. */
    Pyspy4jJar.Result finish() throws IOException, InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("record did not finish; stderr so far:\n" + Files.readString(err));
        }
        return new Pyspy4jJar.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
