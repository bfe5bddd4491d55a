// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs a command-line tool (gcc, gdb, a probe program) to completion and keeps what it printed. */
final class ToolRun {
    /** What a command printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private ToolRun() {
    }

    static Result run(List<String> command, Path directory) {
        Process process = start(command, directory);
        try {
            // gcc's diagnostics can exceed a pipe buffer: drain stderr on another thread while reading stdout.
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            int exitCode = process.waitFor();
            return new Result(exitCode, stdout, stderr.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static Process start(List<String> command, Path directory) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the output of a tool", e);
        }
    }
}
