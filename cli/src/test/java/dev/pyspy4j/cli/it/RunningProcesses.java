// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The target processes one test started; {@link #killAll()} (from {@code @AfterEach}) ends every one of them. */
final class RunningProcesses {
    private static final long READY_TIMEOUT_SECONDS = 60;

    private final List<Process> processes = new ArrayList<>();

    /** Starts {@code python script args...} and returns once the script printed {@code ready}. */
    Process startPython(Path python, Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
        command.addAll(List.of(args));
        Process process = start(new ProcessBuilder(command).redirectErrorStream(true));
        awaitReady(process);
        return process;
    }

    /** Starts a program and returns once the kernel shows it running {@code program} (after its exec). */
    Process startProgram(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program));
        command.addAll(List.of(args));
        Process process = start(new ProcessBuilder(command).redirectErrorStream(true));
        for (int attempt = 0; attempt < 600 && !runs(process, program); attempt++) {
            Thread.sleep(50);
        }
        assertThat(runs(process, program)).as("%s started", program).isTrue();
        return process;
    }

    private static boolean runs(Process process, String program) {
        return process.info().command().map(command -> command.endsWith("/" + program)).orElse(false);
    }

    private Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static void awaitReady(Process process) throws InterruptedException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readUntilReady(reader));
        try {
            String seen = ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(seen).as("script output before it exited").endsWith("ready\n");
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("script did not print 'ready': " + e, e);
        }
    }

    private static String readUntilReady(BufferedReader reader) {
        StringBuilder seen = new StringBuilder();
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                seen.append(line).append('\n');
                if (line.equals("ready")) {
                    break;
                }
            }
        } catch (IOException e) {
            seen.append("(read failed: ").append(e.getMessage()).append(")\n");
        }
        return seen.toString();
    }

    void killAll() throws InterruptedException {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        processes.clear();
    }
}
