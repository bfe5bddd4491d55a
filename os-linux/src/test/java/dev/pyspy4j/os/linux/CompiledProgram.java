// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A C program from {@code src/test/resources/native}, compiled with gcc into a directory and started under a shell
 * (so that the JDK's process reaper waits for the shell, not for the traced program); ready once it printed
 * {@code ready}. Closing kills it.
 */
final class CompiledProgram implements AutoCloseable {
    private final Process shell;
    private final long pid;

    private CompiledProgram(Process shell) throws IOException {
        this.shell = shell;
        BufferedReader output = new BufferedReader(new InputStreamReader(shell.getInputStream(),
                StandardCharsets.UTF_8));
        String first = output.readLine();
        if (!"ready".equals(first)) {
            close();
            throw new IllegalStateException("the program did not print 'ready' but '" + first + "'");
        }
        this.pid = shell.children().findFirst().orElseThrow().pid();
    }

    /** Compiles {@code source} with {@code -pthread} and the given flags into {@code directory}, then starts it. */
    static CompiledProgram start(String source, Path directory, String... gccFlags)
            throws IOException, InterruptedException {
        Path executable = directory.resolve(source.replace(".c", ""));
        List<String> command = new ArrayList<>(List.of("gcc", "-pthread"));
        command.addAll(List.of(gccFlags));
        command.addAll(List.of("-o", executable.toString(), sourcePath(source).toString()));
        Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        String messages = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (gcc.waitFor() != 0) {
            throw new IllegalStateException("gcc failed: " + messages);
        }
        return new CompiledProgram(new ProcessBuilder("sh", "-c", "\"$0\" & wait", executable.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    private static Path sourcePath(String source) {
        try {
            return Path.of(CompiledProgram.class.getResource("/native/" + source).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    long pid() {
        return pid;
    }

    @Override
    public void close() {
        shell.descendants().forEach(ProcessHandle::destroyForcibly);
        shell.toHandle().destroyForcibly();
        try {
            shell.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
